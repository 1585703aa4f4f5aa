package io.finagent.portfolio.service;

import io.finagent.platform.events.DecisionMade;
import io.finagent.portfolio.domain.ObservedDecision;
import io.finagent.portfolio.repository.ObservedDecisionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Records each decision so that its outcome can be measured once its horizon has passed. */
@ApplicationScoped
public class DecisionObservationService {

    private final ObservedDecisionRepository observed;

    public DecisionObservationService(ObservedDecisionRepository observed) {
        this.observed = observed;
    }

    @WithTransaction
    public Uni<ObservedDecision> observe(DecisionMade decision) {
        ObservedDecision row = new ObservedDecision();
        row.decisionId = decision.decisionId();
        row.userId = decision.userId();
        row.strategyId = decision.strategyId();
        row.symbol = decision.symbol();
        row.decisionType = decision.decisionType();
        row.decidedAt = decision.decidedAt();
        row.observedAt = Instant.now();
        return observed.persist(row);
    }
}
