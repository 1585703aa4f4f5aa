package io.finagent.portfolio.service;

import io.finagent.platform.events.StrategyChanged;
import io.finagent.portfolio.domain.StrategyDefault;
import io.finagent.portfolio.repository.StrategyDefaultRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the latest known state of each strategy, for the horizons of its decisions. */
@ApplicationScoped
public class StrategyDefaultsService {

    private final StrategyDefaultRepository strategies;

    public StrategyDefaultsService(StrategyDefaultRepository strategies) {
        this.strategies = strategies;
    }

    @WithTransaction
    public Uni<Void> changed(StrategyChanged change) {
        return strategies.findById(change.strategyId()).chain(known -> {
            if (known == null) {
                return strategies.persist(StrategyDefault.of(change)).replaceWithVoid();
            }
            known.apply(change);
            return Uni.createFrom().voidItem();
        });
    }
}
