package io.finagent.portfolio.service;

import io.finagent.portfolio.config.OutcomeConfig;
import io.finagent.portfolio.domain.MeasurementStatus;
import io.finagent.portfolio.domain.OutcomeMeasurement;
import io.finagent.portfolio.repository.OutcomeMeasurementRepository;
import io.finagent.portfolio.repository.SeriesBacklogRepository;
import io.finagent.portfolio.series.PriceHistory;
import io.finagent.portfolio.series.PricePoint;
import io.finagent.portfolio.series.PricesOnTheirWay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each pass looks up, in the time-series store, the prices the pending measurements wait for
 * and settles them one by one. While the store is down the measurements wait; one warning per outage.
 * A settled row is never looked at again, so a pass only decides from what the store is known to
 * hold: it waits for the store to show every write it accepted, and leaves a row alone while a
 * price still on its way to the store (PricesOnTheirWay) could come before the one the store
 * answered (it might otherwise be skipped over for good). Prices after that one cannot change the
 * answer, so a symbol priced every second is measured as promptly as one priced once.
 */
@ApplicationScoped
public class DueOutcomes {

    private static final Logger LOG = Logger.getLogger(DueOutcomes.class);
    private static final Duration PASS_LIMIT = Duration.ofSeconds(30);

    private final OutcomeMeasurementRepository measurements;
    private final SeriesBacklogRepository backlog;
    private final OutcomeMeasurementService service;
    private final PriceHistory prices;
    private final OutcomeConfig config;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();

    public DueOutcomes(OutcomeMeasurementRepository measurements, SeriesBacklogRepository backlog, OutcomeMeasurementService service,
                       PriceHistory prices, OutcomeConfig config, MeterRegistry registry) {
        this.measurements = measurements;
        this.backlog = backlog;
        this.service = service;
        this.prices = prices;
        this.config = config;
        this.registry = registry;
        registry.gauge("finagent.outcomes.pending", pending);
        for (MeasurementStatus status : MeasurementStatus.values()) {
            if (status != MeasurementStatus.PENDING) {
                outcomes(status); // at zero from the start, so rate() sees the first outcome
            }
        }
    }

    private Counter outcomes(MeasurementStatus status) {
        return registry.counter("finagent.outcomes", "status", status.name().toLowerCase());
    }

    @Scheduled(every = "${finagent.outcome.check-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measure() {
        Instant now = Instant.now();
        // the backlog first, then the store: a point sent in between is then seen by the second
        return Panache.withSession(() -> measurements.countPending().invoke(pending::set)
                        .chain(backlog::pricesOnTheirWay))
                .chain(coming -> prices.caughtUp().chain(caughtUp -> !caughtUp ? Uni.createFrom().voidItem()
                        : Panache.withSession(() -> measurements.toCheck(now, config.batchSize()))
                        .chain(rows -> settleAll(rows, coming, now))))
                // a call that never answers (seen after QuestDB restarts) must not hold every later pass back
                .ifNoItem().after(PASS_LIMIT).failWith(() -> new IllegalStateException("pass took over " + PASS_LIMIT))
                .invoke(() -> {
                    if (failing.compareAndSet(true, false)) {
                        LOG.info("outcome measurement is running again");
                    }
                })
                .onFailure().invoke(this::failed)
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> settleAll(List<OutcomeMeasurement> rows, PricesOnTheirWay coming, Instant now) {
        return Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(m -> settle(m, coming, now))
                .collect().last().replaceWithVoid();
    }

    private Uni<MeasurementStatus> settle(OutcomeMeasurement m, PricesOnTheirWay coming, Instant now) {
        Uni<Optional<PricePoint>> reference = m.referencePrice != null ? Uni.createFrom().item(Optional.empty())
                : prices.first(m.symbol, m.userId, m.decidedAt, m.dueAt);
        return reference.chain(ref -> (m.due(now) ? prices.first(m.symbol, m.userId, m.dueAt) : Uni.createFrom().item(Optional.<PricePoint>empty()))
                        .chain(exit -> {
                            boolean referenceFinal = m.referencePrice != null
                                    || !coming.mayPrecede(m.symbol, ref.map(PricePoint::at).orElse(m.dueAt));
                            boolean exitFinal = !m.due(now) || !coming.mayPrecede(m.symbol, exit.map(PricePoint::at).orElse(null));
                            return referenceFinal && exitFinal ? service.settle(m.id, ref, exit, now)
                                    : Uni.createFrom().<MeasurementStatus>nullItem(); // the next pass, once the store has it
                        }))
                .invoke(status -> {
                    if (status != null && status != MeasurementStatus.PENDING) {
                        outcomes(status).increment();
                    }
                });
    }

    private void failed(Throwable failure) {
        registry.counter("finagent.outcome.check.failures").increment();
        if (failing.compareAndSet(false, true)) {
            LOG.warnf("outcome measurement paused (%s); %d measurements wait and are retried every %s",
                    failure.getMessage(), pending.get(), config.checkInterval());
        }
    }
}
