package io.finagent.portfolio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A decision this service learned of from {@code decision-made}; its outcome is measured later. */
@Entity
@Table(name = "observed_decisions")
public class ObservedDecision {

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
}
