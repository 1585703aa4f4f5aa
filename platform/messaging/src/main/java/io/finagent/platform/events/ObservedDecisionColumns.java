package io.finagent.platform.events;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * The columns every consumer of {@code decision-made} keeps of a decision it heard of (its
 * observed_decisions table); each service's entity adds what it needs of its own.
 */
@MappedSuperclass
public abstract class ObservedDecisionColumns {

    @Id
    @Column(name = "decision_id")
    public Long decisionId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "strategy_id", nullable = false)
    public Long strategyId;

    @Column(nullable = false)
    public String symbol;

    @Column(name = "decision_type", nullable = false)
    public String decisionType;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    protected void copy(DecisionMade decision, Instant observedAt) {
        this.decisionId = decision.decisionId();
        this.userId = decision.userId();
        this.strategyId = decision.strategyId();
        this.symbol = decision.symbol();
        this.decisionType = decision.decisionType();
        this.decidedAt = decision.decidedAt();
        this.observedAt = observedAt;
    }
}
