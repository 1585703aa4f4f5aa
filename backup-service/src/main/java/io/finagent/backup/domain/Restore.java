package io.finagent.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** One restore (table restores): the chain applied, to which services, and how it ended (REFUSED: an archive failed verification). */
@Entity
@Table(name = "restores")
public class Restore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "backup_id", nullable = false, updatable = false)
    public Long backupId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false)
    public List<Long> chain;

    @Column(name = "target_time", updatable = false)
    public Instant targetTime;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false)
    public List<String> services;

    @Column(nullable = false)
    public String status = "RUNNING";

    @Column(name = "requested_by", updatable = false)
    public String requestedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "error_message")
    public String errorMessage;
}
