package io.finagent.strategy.repository;

import io.finagent.strategy.domain.StrategyOutcome;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class StrategyOutcomeRepository implements PanacheRepository<StrategyOutcome> {

    private static final Sort IN_TIME_ORDER = Sort.ascending("measuredAt", "id");

    public Uni<Boolean> recorded(long decisionId) {
        return count("decisionId", decisionId).map(n -> n > 0);
    }

    public Uni<List<StrategyOutcome>> series(long strategyId) {
        return find("strategyId", IN_TIME_ORDER, strategyId).list();
    }

    /** The outcomes measured in [from, to), in time order. */
    public Uni<List<StrategyOutcome>> series(long strategyId, Instant from, Instant to) {
        return find("strategyId = ?1 and measuredAt >= ?2 and measuredAt < ?3", IN_TIME_ORDER, strategyId, from, to).list();
    }
}
