package io.finagent.strategy.domain;

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

import java.time.Instant;
import java.util.Map;

/** A user's trading strategy; its configuration's history is in {@link StrategyVersion}. */
@Entity
@Table(name = "strategies")
public class Strategy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "strategy_type", nullable = false)
    public StrategyType type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> config;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StrategyStatus status;

    /** The version_number of the strategy_versions row that holds {@link #config}. */
    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "default_horizon_minutes")
    public Integer defaultHorizonMinutes;

    /** How many decisions were accepted under this strategy. */
    @Column(name = "decision_count", nullable = false)
    public long decisionCount;

    /** When the latest accepted decision was taken. */
    @Column(name = "last_used")
    public Instant lastUsed;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    /** Takes a new configuration as the next version; returns the one it replaces. */
    public Map<String, Object> reconfigure(Map<String, Object> next) {
        Map<String, Object> previous = config;
        config = next;
        currentVersion++;
        return previous;
    }

    /** Counts a decision taken under this strategy; last_used only moves forward. */
    public void used(Instant decidedAt) {
        decisionCount++;
        if (lastUsed == null || decidedAt.isAfter(lastUsed)) {
            lastUsed = decidedAt;
        }
    }
}
