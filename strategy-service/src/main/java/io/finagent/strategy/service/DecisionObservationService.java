package io.finagent.strategy.service;

import io.finagent.platform.events.DecisionMade;
import io.finagent.strategy.domain.DecisionStatus;
import io.finagent.strategy.domain.ObservedDecision;
import io.finagent.strategy.repository.ObservedDecisionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Records each decision the agent takes under a strategy. */
@ApplicationScoped
public class DecisionObservationService {

    private final ObservedDecisionRepository observed;

    public DecisionObservationService(ObservedDecisionRepository observed) {
        this.observed = observed;
    }

    @WithTransaction
    public Uni<ObservedDecision> observe(DecisionMade decision) {
        return observed.persist(ObservedDecision.of(decision, DecisionStatus.ACCEPTED, Instant.now()));
    }
}
