package io.finagent.strategy.service;

import io.finagent.platform.security.Owned;
import io.finagent.strategy.domain.PerformanceMetrics;
import io.finagent.strategy.domain.PerformancePeriod;
import io.finagent.strategy.domain.Strategy;
import io.finagent.strategy.domain.StrategyOutcome;
import io.finagent.strategy.repository.PerformancePeriodRepository;
import io.finagent.strategy.repository.StrategyOutcomeRepository;
import io.finagent.strategy.repository.StrategyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A strategy's performance over a period, from the outcomes measured in it, stored as that
 * period's strategy_performance row (computing the period again replaces it). The strategy's
 * config may set {@code "performance": {"periodsPerYear": 252, "riskFreeRate": 0}} (per period).
 */
@ApplicationScoped
public class PerformanceService {

    /** The metrics, and the period's stored row. */
    public record Computed(PerformancePeriod period, PerformanceMetrics.Performance metrics) {
    }

    private final StrategyRepository strategies;
    private final StrategyOutcomeRepository outcomes;
    private final PerformancePeriodRepository periods;

    public PerformanceService(StrategyRepository strategies, StrategyOutcomeRepository outcomes, PerformancePeriodRepository periods) {
        this.strategies = strategies;
        this.outcomes = outcomes;
        this.periods = periods;
    }

    @WithTransaction
    public Uni<Computed> compute(String userId, long id, Instant from, Instant to, Instant now) {
        return Owned.orNotFound(strategies.findOwned(userId, id), "strategy", id)
                .chain(strategy -> outcomes.series(id, from, to).map(series -> metrics(strategy, series)))
                .chain(metrics -> periods.find(id, from, to).chain(found -> {
                    PerformancePeriod period = found != null ? found : open(userId, id, from, to, now);
                    period.take(metrics, now);
                    return (found != null ? Uni.createFrom().item(period) : periods.persist(period)).map(p -> new Computed(p, metrics));
                }));
    }

    private static PerformanceMetrics.Performance metrics(Strategy strategy, List<StrategyOutcome> series) {
        Map<?, ?> settings = strategy.config.get("performance") instanceof Map<?, ?> m ? m : Map.of();
        int periodsPerYear = settings.get("periodsPerYear") instanceof Number n ? n.intValue() : PerformanceMetrics.PERIODS_PER_YEAR;
        BigDecimal riskFree = settings.get("riskFreeRate") instanceof Number r ? new BigDecimal(r.toString()) : BigDecimal.ZERO;
        return PerformanceMetrics.compute(series.stream().map(o -> o.outcome).toList(), periodsPerYear, riskFree);
    }

    private static PerformancePeriod open(String userId, long id, Instant from, Instant to, Instant now) {
        PerformancePeriod p = new PerformancePeriod();
        p.strategyId = id;
        p.userId = userId;
        p.periodFrom = from;
        p.periodTo = to;
        p.createdAt = now;
        return p;
    }
}
