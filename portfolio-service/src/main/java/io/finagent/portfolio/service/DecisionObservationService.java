package io.finagent.portfolio.service;

import io.finagent.platform.events.DecisionMade;
import io.finagent.portfolio.config.OutcomeConfig;
import io.finagent.portfolio.domain.HorizonSource;
import io.finagent.portfolio.domain.ObservedDecision;
import io.finagent.platform.tracing.Traceparent;
import io.finagent.portfolio.domain.OutcomeMeasurement;
import io.finagent.portfolio.repository.ObservedDecisionRepository;
import io.finagent.portfolio.repository.OutcomeMeasurementRepository;
import io.finagent.portfolio.repository.StrategyDefaultRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Records each decision with its pending outcome measurement, once per decision id: the same
 * decision heard again (a replay, or a republished event with a new id) changes nothing.
 */
@ApplicationScoped
public class DecisionObservationService {

    private final ObservedDecisionRepository observed;
    private final OutcomeMeasurementRepository measurements;
    private final StrategyDefaultRepository strategies;
    private final OutcomeConfig config;

    public DecisionObservationService(ObservedDecisionRepository observed, OutcomeMeasurementRepository measurements,
                                      StrategyDefaultRepository strategies, OutcomeConfig config) {
        this.observed = observed;
        this.measurements = measurements;
        this.strategies = strategies;
        this.config = config;
    }

    @WithTransaction
    public Uni<Void> observe(DecisionMade decision) {
        Instant now = Instant.now();
        String trace = Traceparent.current(); // the consumer's span of the decision's event

        return observed.findById(decision.decisionId()).chain(seen -> seen != null ? Uni.createFrom().voidItem()
                : horizon(decision).chain(horizon -> observed.persist(ObservedDecision.of(decision, now))
                        .chain(() -> measurements.persist(OutcomeMeasurement.of(decision, horizon.minutes(), horizon.source(), trace, now))))
                        .replaceWithVoid());
    }

    private record Horizon(int minutes, HorizonSource source) {
    }

    /** The decision's own horizon, else its strategy's default, else the configured one. */
    private Uni<Horizon> horizon(DecisionMade decision) {
        if (decision.horizonMinutes() != null) {
            return Uni.createFrom().item(new Horizon(decision.horizonMinutes(), HorizonSource.DECISION));
        }
        return strategies.findById(decision.strategyId()).map(strategy ->
                strategy != null && strategy.userId.equals(decision.userId()) && strategy.defaultHorizonMinutes != null
                        ? new Horizon(strategy.defaultHorizonMinutes, HorizonSource.STRATEGY)
                        : new Horizon(config.defaultHorizonMinutes(), HorizonSource.CONFIGURATION));
    }
}
