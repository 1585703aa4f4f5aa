package io.finagent.strategy.domain;

import io.finagent.platform.events.OutcomeMeasured;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** One measured outcome of a strategy's decision: a point of the return series its performance is computed from. */
@Entity
@Table(name = "strategy_outcomes")
public class StrategyOutcome {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "strategy_id", nullable = false)
    public Long strategyId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "decision_id", nullable = false)
    public Long decisionId;

    @Column(nullable = false)
    public BigDecimal outcome;

    @Column(name = "measured_at", nullable = false)
    public Instant measuredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static StrategyOutcome of(OutcomeMeasured event, Instant now) {
        StrategyOutcome o = new StrategyOutcome();
        o.strategyId = event.strategyId();
        o.userId = event.userId();
        o.decisionId = event.decisionId();
        o.outcome = event.outcome();
        o.measuredAt = event.measuredAt();
        o.createdAt = now;
        return o;
    }
}
