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
        return observed.persist(ObservedDecision.of(decision, Instant.now()));
    }
}
