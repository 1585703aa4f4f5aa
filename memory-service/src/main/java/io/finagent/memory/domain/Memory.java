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

/** A long-term memory of the agent (ai_memory); never archived, never deleted by age. */
@Entity
@Table(name = "ai_memory")
public class Memory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "memory_type", nullable = false)
    public MemoryType memoryType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> content;

    public String summary;

    @Column(name = "relevance_score", nullable = false)
    public BigDecimal relevanceScore;

    @Column(name = "access_count", nullable = false)
    public long accessCount;

    @Column(name = "last_accessed")
    public Instant lastAccessed;

    @Column(name = "decision_id")
    public Long decisionId;

    @Column(name = "success_count", nullable = false)
    public long successCount;

    @Column(name = "failure_count", nullable = false)
    public long failureCount;

    /** Outcomes of the decisions that cited it, break-evens included (wins and losses are the two counts above). */
    @Column(name = "outcome_count", nullable = false)
    public long outcomeCount;

    /** The market it was learned in: what relevant lessons are compared with (empty: any market). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Double> features = Map.of();

    /** The symbol and strategy it was learned for; null: any. */
    public String symbol;

    @Column(name = "strategy_id")
    public Long strategyId;

    /** From this instant the memory is known, and its relevance decays from it. */
    @Column(name = "learned_at", nullable = false, updatable = false)
    public Instant learnedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;
}
