package io.finagent.strategy.service;

import io.finagent.platform.events.DecisionMade;
import io.finagent.strategy.domain.DecisionStatus;
import io.finagent.strategy.domain.ObservedDecision;
import io.finagent.strategy.domain.StrategyStatus;
import io.finagent.strategy.repository.ObservedDecisionRepository;
import io.finagent.strategy.repository.StrategyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Records each decision the agent takes under a strategy, once per decision id. It is ACCEPTED,
 * and counted with the strategy's last use, when the strategy is the user's and not archived;
 * otherwise it is kept as REJECTED, not lost.
 */
@ApplicationScoped
public class DecisionObservationService {

    private final ObservedDecisionRepository observed;
    private final StrategyRepository strategies;

    public DecisionObservationService(ObservedDecisionRepository observed, StrategyRepository strategies) {
        this.observed = observed;
        this.strategies = strategies;
    }

    @WithTransaction
    public Uni<Void> observe(DecisionMade decision) {
        return observed.findById(decision.decisionId()).chain(seen -> seen != null ? Uni.createFrom().voidItem()
                : strategies.lock(decision.strategyId()).chain(strategy -> {
                    boolean accepted = strategy != null && strategy.userId.equals(decision.userId())
                            && strategy.status != StrategyStatus.ARCHIVED;
                    if (accepted) {
                        strategy.used(decision.decidedAt());
                    }
                    return observed.persist(ObservedDecision.of(decision,
                            accepted ? DecisionStatus.ACCEPTED : DecisionStatus.REJECTED, Instant.now())).replaceWithVoid();
                }));
    }
}
