package io.finagent.strategy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/** One version of a strategy's configuration; never rewritten (the table's trigger refuses updates). */
@Entity
@Immutable
@Table(name = "strategy_versions")
public class StrategyVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "strategy_id", nullable = false)
    public Long strategyId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> config;

    /** The configuration this version replaced; null for version 1. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "previous_config")
    public Map<String, Object> previousConfig;

    public String changelog;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Records the strategy's current configuration as its current version. */
    public static StrategyVersion of(Strategy strategy, Map<String, Object> previousConfig, String changelog, Instant now) {
        StrategyVersion v = new StrategyVersion();
        v.strategyId = strategy.id;
        v.userId = strategy.userId;
        v.versionNumber = strategy.currentVersion;
        v.config = strategy.config;
        v.previousConfig = previousConfig;
        v.changelog = changelog;
        v.createdAt = now;
        return v;
    }
}
