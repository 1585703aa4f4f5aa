package io.finagent.memory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A long-term pattern with its track record. {@code confidence} is the lower bound of the 95%
 * Wilson interval of the success rate, so that 2 of 2 ranks below 70 of 100.
 */
@Entity
@Table(name = "pattern_recognition")
public class Pattern {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(name = "pattern_type", nullable = false)
    public String patternType;

    @Column(name = "pattern_name", nullable = false)
    public String patternName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pattern_data", nullable = false)
    public Map<String, Object> patternData;

    public String symbol;

    public long occurrences;
    public long successes;
    public long failures;

    @Column(name = "total_outcome", nullable = false)
    public BigDecimal totalOutcome = BigDecimal.ZERO;

    @Column(name = "success_rate", nullable = false)
    public BigDecimal successRate = BigDecimal.ZERO;

    @Column(nullable = false)
    public BigDecimal confidence = BigDecimal.ZERO;

    @Column(name = "last_seen")
    public Instant lastSeen;

    /** From this instant the pattern is known: as of an earlier one it is not there. */
    @Column(name = "recognized_at", nullable = false, updatable = false)
    public Instant recognizedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;
}
