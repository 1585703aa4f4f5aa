package io.finagent.strategy.service;

import io.finagent.platform.events.InvalidEventException;
import io.finagent.platform.events.OutcomeMeasured;
import io.finagent.strategy.domain.Alert;
import io.finagent.strategy.domain.AlertType;
import io.finagent.strategy.domain.RiskLimits;
import io.finagent.strategy.domain.Strategy;
import io.finagent.strategy.domain.StrategyOutcome;
import io.finagent.strategy.repository.AlertRepository;
import io.finagent.strategy.repository.StrategyOutcomeRepository;
import io.finagent.strategy.repository.StrategyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Adds each measured outcome to its strategy's return series, once per decision, and raises a
 * RISK_WARNING when the outcome takes the strategy past a limit of its config. An outcome for a
 * strategy that is not the user's here is refused for good (it goes to the DLQ).
 */
@ApplicationScoped
public class OutcomeService {

    /** High: a limit the user set on the strategy was passed. */
    private static final int RISK_PRIORITY = 3;

    private final StrategyRepository strategies;
    private final StrategyOutcomeRepository outcomes;
    private final AlertRepository alerts;

    public OutcomeService(StrategyRepository strategies, StrategyOutcomeRepository outcomes, AlertRepository alerts) {
        this.strategies = strategies;
        this.outcomes = outcomes;
        this.alerts = alerts;
    }

    @WithTransaction
    public Uni<Void> record(OutcomeMeasured event, Instant now) {
        // the strategy's lock puts its outcomes in a line, so two cannot both pass a limit
        return strategies.lock(event.strategyId()).chain(strategy -> {
            if (strategy == null || !strategy.userId.equals(event.userId())) {
                throw new InvalidEventException("unknown strategy " + event.strategyId() + " for user " + event.userId()
                        + " (decision " + event.decisionId() + ")");
            }
            return outcomes.recorded(event.decisionId()).chain(recorded -> recorded ? Uni.createFrom().voidItem()
                    : outcomes.series(strategy.id).chain(series -> add(strategy, series, StrategyOutcome.of(event, now), event, now)));
        });
    }

    private Uni<Void> add(Strategy strategy, List<StrategyOutcome> series, StrategyOutcome outcome, OutcomeMeasured event, Instant now) {
        List<StrategyOutcome> after = new ArrayList<>(series);
        after.add(outcome);
        after.sort(Comparator.comparing((StrategyOutcome o) -> o.measuredAt)); // stable: an equal time goes after
        List<Alert> raised = RiskLimits.of(strategy.config).passed(returns(series), returns(after)).stream()
                .map(breach -> warning(strategy, event, breach, now)).toList();
        return outcomes.persist(outcome).chain(() -> raised.isEmpty() ? Uni.createFrom().voidItem() : alerts.persist(raised));
    }

    private static List<BigDecimal> returns(List<StrategyOutcome> series) {
        return series.stream().map(o -> o.outcome).toList();
    }

    private static Alert warning(Strategy strategy, OutcomeMeasured event, RiskLimits.Breach breach, Instant now) {
        Alert a = new Alert();
        a.userId = strategy.userId;
        a.strategyId = strategy.id;
        a.decisionId = event.decisionId();
        a.symbol = event.symbol();
        a.type = AlertType.RISK_WARNING;
        a.priority = RISK_PRIORITY;
        a.message = "strategy " + strategy.name + ": " + breach.message();
        a.details = Map.of("limit", breach.limit(), "value", breach.value(), "threshold", breach.threshold());
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }
}
