package io.finagent.portfolio.domain;

import io.finagent.platform.events.DecisionMade;
import io.finagent.platform.events.ObservedDecisionColumns;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A decision learned of from {@code decision-made}; its outcome is measured once its horizon has passed. */
@Entity
@Table(name = "observed_decisions")
public class ObservedDecision extends ObservedDecisionColumns {

    public static ObservedDecision of(DecisionMade decision, Instant now) {
        ObservedDecision row = new ObservedDecision();
        row.copy(decision, now);
        return row;
    }
}
