package io.finagent.portfolio.series;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.domain.WritePrecision;
import io.finagent.platform.backup.DataRestored;
import io.finagent.portfolio.config.SeriesConfig;
import io.finagent.portfolio.repository.SeriesBacklogRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the points recorded to the time-series store, oldest first, and marks what the store
 * took as sent (a full backup's pruning deletes them later). When the store is down the points
 * wait and the service stays up; one warning per outage. After a restore it first empties the
 * store's series and sends what the restore brought back of them, then the backlog. One flush at
 * a time in the whole cluster (a transaction-scoped advisory lock, which a restore takes too), so
 * no replica sends a batch it read before a restore changed it.
 */
@ApplicationScoped
public class SeriesFlusher {

    /** The scheduler's name of the flush job. */
    public static final String JOB = "series-flush";
    private static final Logger LOG = Logger.getLogger(SeriesFlusher.class);
    private static final Duration FLUSH_LIMIT = Duration.ofSeconds(30);
    /** How long one flush may go on writing back what a restore brought (a restore brings every point the store had). */
    private static final Duration RESTORE_SLICE = Duration.ofSeconds(10);
    /** Points per write when writing back a restore: larger than a flush's batch, as there are many. */
    private static final int RESTORE_BATCH = 100_000;

    private final SeriesBacklogRepository backlog;
    private final SeriesTables tables;
    private final InfluxDBClient writer;
    private final SeriesConfig config;
    private final Vertx vertx;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong waiting = new AtomicLong();
    private final Counter sent;
    private final Counter failures;

    public SeriesFlusher(SeriesBacklogRepository backlog, SeriesTables tables, InfluxDBClient writer, SeriesConfig config,
                         Vertx vertx, MeterRegistry registry) {
        this.vertx = vertx;
        this.backlog = backlog;
        this.tables = tables;
        this.writer = writer;
        this.config = config;
        this.sent = registry.counter("finagent.series.points.sent");
        this.failures = registry.counter("finagent.series.write.failures");
        registry.gauge("finagent.series.backlog.points", waiting);
    }

    @Scheduled(identity = SeriesFlusher.JOB, every = "${finagent.questdb.flush-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> flush() {
        return flush(false);
    }

    private Uni<Void> flush(boolean wait) {
        return Panache.withTransaction(() -> backlog.flushLock(wait).chain(locked -> locked ? flushLocked() : Uni.createFrom().voidItem()))
                // a call that never answers (seen after QuestDB restarts) must not hold every later flush back
                .ifNoItem().after(FLUSH_LIMIT).failWith(() -> new IllegalStateException("flush took over " + FLUSH_LIMIT))
                .invoke(this::cameBack)
                .onFailure().invoke(this::wentDown)
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> flushLocked() {
        return backlog.takeReset()
                .chain(reset -> reset ? tables.recreateEmpty().invoke(() -> LOG.infof("time-series store emptied for a restore"))
                        : Uni.createFrom().voidItem())
                .chain(() -> backlog.restoredAfter(0, RESTORE_BATCH))
                .chain(restored -> restored.isEmpty() ? sendRecorded() : sendRestored(restored));
    }

    /**
     * What a restore brought back of the store, before anything recorded: the store's own export
     * of the backup's series, batch after batch for up to {@link #RESTORE_SLICE} in one flush,
     * each batch read while the one before is being written.
     */
    private Uni<Void> sendRestored(List<Object[]> first) {
        long started = System.nanoTime();
        AtomicLong points = new AtomicLong();
        return sendRestored(first, started + RESTORE_SLICE.toNanos(), points)
                .chain(last -> backlog.deleteRestoredUpTo(last))
                .invoke(() -> LOG.infof("restore: %,d points written back to the time-series store in %d ms", points.get(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis())).replaceWithVoid();
    }

    /** Sends the batch and those after it; the id of the last point sent. */
    private Uni<Long> sendRestored(List<Object[]> batch, long until, AtomicLong points) {
        long last = ((Number) batch.get(batch.size() - 1)[0]).longValue();
        boolean more = batch.size() == RESTORE_BATCH && System.nanoTime() < until;
        Uni<List<Object[]>> next = more ? backlog.restoredAfter(last, RESTORE_BATCH) : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(send(batch.stream().map(r -> (String) r[1]).toList()), next).asTuple()
                .invoke(() -> points.addAndGet(batch.size()))
                .chain(sentAndNext -> sentAndNext.getItem2().isEmpty() ? Uni.createFrom().item(last)
                        : sendRestored(sentAndNext.getItem2(), until, points));
    }

    /**
     * A restore committed: its points go to the store now, not at the next tick, so the store is
     * whole when the restore answers (after the flush under way, if one holds the lock).
     */
    void onRestore(@Observes DataRestored event) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> flush(true));
        } catch (Throwable e) {
            LOG.warnf("restored points not written yet (%s); the next flush writes them", e.getMessage());
        }
    }

    private Uni<Void> sendRecorded() {
        return backlog.countUnsent().invoke(waiting::set).chain(() -> backlog.oldestUnsent(config.flushBatch())).chain(points -> {
            if (points.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return send(points.stream().map(p -> p.line).toList())
                    .chain(() -> backlog.markSent(points.stream().map(p -> p.id).toList(), Instant.now()))
                    .invoke(() -> waiting.addAndGet(-points.size()))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> send(List<String> lines) {
        return tables.ensure()
                // the InfluxDB client blocks: on a worker, and back on this context for the rest of the transaction
                .chain(() -> vertx.executeBlocking(Uni.createFrom().item(() -> {
                    writer.getWriteApiBlocking().writeRecords(WritePrecision.NS, lines);
                    return lines.size();
                })))
                .invoke(() -> sent.increment(lines.size()))
                .replaceWithVoid();
    }

    private void cameBack() {
        if (down.compareAndSet(true, false)) {
            LOG.infof("time-series store is back; sending the backlog");
        }
    }

    private void wentDown(Throwable failure) {
        failures.increment();
        if (down.compareAndSet(false, true)) {
            LOG.warnf("time-series store unreachable (%s); %d points wait in series_backlog and are retried every %s",
                    failure.getMessage(), waiting.get(), config.flushInterval());
        }
    }
}
