package io.finagent.memory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A decision of the agent with the market context it was taken in, and later its outcome. */
@Entity
@Table(name = "decision_history")
public class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(name = "strategy_id", nullable = false)
    public Long strategyId;

    @Column(nullable = false)
    public String symbol;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision_type", nullable = false)
    public DecisionType decisionType;

    @Column(nullable = false)
    public BigDecimal confidence;

    public String reasoning;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "market_context", nullable = false)
    public Map<String, Object> marketContext;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cited_memory_ids", nullable = false)
    public Long[] citedMemoryIds = new Long[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cited_pattern_ids", nullable = false)
    public Long[] citedPatternIds = new Long[0];

    @Column(name = "horizon_minutes")
    public Integer horizonMinutes;

    public BigDecimal outcome;

    @Column(name = "outcome_measured_at")
    public Instant outcomeMeasuredAt;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "access_count", nullable = false)
    public long accessCount;

    @Column(name = "last_accessed")
    public Instant lastAccessed;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    /** The context the decision was made with (GET /context), and that context's digest when it was cited. */
    @Column(name = "context_id", updatable = false)
    public UUID contextId;

    @Column(name = "context_digest", updatable = false)
    public String contextDigest;

    /** The named numbers of the market context, the ones recall compares. */
    public Map<String, Double> features() {
        return Features.of(marketContext == null ? null : marketContext.get("features"));
    }
}
