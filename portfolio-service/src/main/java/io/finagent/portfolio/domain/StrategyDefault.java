package io.finagent.portfolio.domain;

import io.finagent.platform.events.StrategyChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** What this service knows of a strategy (strategy-service owns it): the latest strategy-changed. */
@Entity
@Table(name = "strategy_defaults")
public class StrategyDefault {

    @Id
    @Column(name = "strategy_id")
    public Long strategyId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String status;

    @Column(name = "default_horizon_minutes")
    public Integer defaultHorizonMinutes;

    @Column(nullable = false)
    public int version;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static StrategyDefault of(StrategyChanged change) {
        StrategyDefault row = new StrategyDefault();
        row.strategyId = change.strategyId();
        row.apply(change);
        return row;
    }

    /** Takes the change unless it is older than what is known (a replay, or out of order). */
    public void apply(StrategyChanged change) {
        if (changedAt != null && change.changedAt().isBefore(changedAt)) {
            return;
        }
        userId = change.userId();
        status = change.status();
        defaultHorizonMinutes = change.defaultHorizonMinutes();
        version = change.version();
        changedAt = change.changedAt();
    }
}
