package io.finagent.strategy.domain;

import io.finagent.platform.events.DecisionMade;
import io.finagent.platform.events.ObservedDecisionColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/** A decision taken under a strategy, learned of from {@code decision-made}. */
@Entity
@Table(name = "observed_decisions")
public class ObservedDecision extends ObservedDecisionColumns {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionStatus status;

    public static ObservedDecision of(DecisionMade decision, DecisionStatus status, Instant now) {
        ObservedDecision row = new ObservedDecision();
        row.copy(decision, now);
        row.status = status;
        return row;
    }
}
