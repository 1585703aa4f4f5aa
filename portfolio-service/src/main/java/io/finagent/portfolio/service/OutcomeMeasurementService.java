package io.finagent.portfolio.service;

import io.finagent.platform.events.EventType;
import io.finagent.platform.events.OutcomeMeasured;
import io.finagent.platform.outbox.Outbox;
import io.finagent.platform.security.Owned;
import io.finagent.portfolio.config.OutcomeConfig;
import io.finagent.portfolio.domain.MeasurementStatus;
import io.finagent.portfolio.domain.OutcomeMeasurement;
import io.finagent.portfolio.repository.OutcomeMeasurementRepository;
import io.finagent.portfolio.series.PricePoint;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * Moves one measurement on with the prices the store had: the reference price (and the paper
 * trade at it), then, once the horizon has passed, the exit price, the outcome and its
 * {@code outcome-measured} event, all in one transaction under the row's lock. A row measured
 * once is never measured again, whoever else looks at it.
 */
@ApplicationScoped
public class OutcomeMeasurementService {

    private final OutcomeMeasurementRepository measurements;
    private final PaperTrader paper;
    private final Outbox outbox;
    private final OutcomeConfig config;

    public OutcomeMeasurementService(OutcomeMeasurementRepository measurements, PaperTrader paper, Outbox outbox,
                                     OutcomeConfig config) {
        this.measurements = measurements;
        this.paper = paper;
        this.outbox = outbox;
        this.config = config;
    }

    /** The user's measurement of a decision; another user's is not found. */
    @WithSession
    public Uni<OutcomeMeasurement> find(String userId, long decisionId) {
        return Owned.orNotFound(measurements.findOwned(userId, decisionId), "decision", decisionId);
    }

    /**
     * @param reference the first price at or after the decision and before its horizon, if the row had none
     * @param exit      the first price at or after the horizon, if it has passed
     * @return the row's status afterwards, or null when it was no longer pending (settled elsewhere)
     */
    @WithTransaction
    public Uni<MeasurementStatus> settle(long id, Optional<PricePoint> reference, Optional<PricePoint> exit, Instant now) {
        return measurements.lock(id).chain(m -> {
            if (m == null || m.status != MeasurementStatus.PENDING) {
                return Uni.createFrom().nullItem();
            }
            if (m.referencePrice != null || reference.isEmpty()) {
                return measureOrWait(m, exit, now);
            }
            m.referencePrice = reference.get().price();
            m.referencePriceAt = reference.get().at();
            m.attempts = 0;
            return paper.execute(m, now).chain(() -> measureOrWait(m, exit, now));
        });
    }

    private Uni<MeasurementStatus> measureOrWait(OutcomeMeasurement m, Optional<PricePoint> exit, Instant now) {
        boolean due = m.due(now);
        if (m.referencePrice == null && due && exit.isPresent()) {
            m.skip("no price between the decision and its horizon: nothing to measure from", now);
        } else if (m.referencePrice != null && due && exit.isPresent()) {
            m.measure(exit.get().price(), exit.get().at(), now);
            return outbox.add(new Outbox.Entry(EventType.OUTCOME_MEASURED, String.valueOf(m.decisionId), event(m), now, m.traceparent))
                    .replaceWith(m.status);
        } else if (m.referencePrice != null && !due) {
            m.nextCheckAt = m.dueAt; // nothing to look for before the horizon
            m.updatedAt = now;
        } else {
            m.missed(config.firstWait(), config.longestWait(), now);
        }
        return Uni.createFrom().item(m.status);
    }

    private static OutcomeMeasured event(OutcomeMeasurement m) {
        return new OutcomeMeasured(m.decisionId, m.userId, m.strategyId, m.symbol, m.decisionType.name(), m.outcome,
                m.referencePrice, m.exitPrice, m.decidedAt, m.measuredAt);
    }
}
