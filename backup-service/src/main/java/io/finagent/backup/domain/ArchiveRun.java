package io.finagent.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One table's old rows moved by one run of the archiver (table archive_runs): from where, up to which cutoff, into which file. */
@Entity
@Table(name = "archive_runs")
public class ArchiveRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_id", nullable = false, updatable = false)
    public UUID runId;

    @Column(name = "service_name", nullable = false, updatable = false)
    public String service;

    @Column(name = "table_name", nullable = false, updatable = false)
    public String table;

    @Column(nullable = false)
    public String status = "RUNNING";

    @Column(nullable = false, updatable = false)
    public Instant cutoff;

    @Column(name = "newest_row_at")
    public Instant newestRowAt;

    @Column(name = "rows_archived", nullable = false)
    public long rowsArchived;

    @Column(name = "archive_path")
    public String archivePath;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    @Column(name = "checksum_sha256")
    public String checksum;

    @Column(name = "requested_by", updatable = false)
    public String requestedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
