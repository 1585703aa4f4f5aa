package io.finagent.portfolio.series;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.domain.WritePrecision;
import io.finagent.portfolio.config.SeriesConfig;
import io.finagent.portfolio.domain.SeriesPoint;
import io.finagent.portfolio.repository.SeriesBacklogRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the backlog to the time-series store, oldest first, and deletes what the store took.
 * When the store is down the points wait and the service stays up; one warning per outage.
 */
@ApplicationScoped
public class SeriesFlusher {

    /** The scheduler's name of the flush job. */
    public static final String JOB = "series-flush";
    private static final Logger LOG = Logger.getLogger(SeriesFlusher.class);
    private static final Duration FLUSH_LIMIT = Duration.ofSeconds(30);

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
        this.sent = registry.counter("finagent_series_points_sent");
        this.failures = registry.counter("finagent_series_write_failures");
        registry.gauge("finagent_series_backlog_points", waiting);
    }

    @Scheduled(identity = SeriesFlusher.JOB, every = "${finagent.questdb.flush-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        return Panache.withSession(() -> backlog.count().invoke(waiting::set).chain(() -> backlog.oldest(config.flushBatch())))
                .chain(this::send)
                // a call that never answers (seen after QuestDB restarts) must not hold every later flush back
                .ifNoItem().after(FLUSH_LIMIT).failWith(() -> new IllegalStateException("flush took over " + FLUSH_LIMIT))
                .onFailure().invoke(this::wentDown)
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> send(List<SeriesPoint> points) {
        if (points.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> lines = points.stream().map(p -> p.line).toList();
        List<Long> ids = points.stream().map(p -> p.id).toList();
        return tables.ensure()
                // the InfluxDB client blocks: on a worker, and back on this context for the delete
                .chain(() -> vertx.executeBlocking(Uni.createFrom().item(() -> {
                    writer.getWriteApiBlocking().writeRecords(WritePrecision.NS, lines);
                    return lines.size();
                })))
                .chain(() -> Panache.withTransaction(() -> backlog.deleteSent(ids)))
                .invoke(() -> {
                    sent.increment(lines.size());
                    waiting.addAndGet(-lines.size());
                    if (down.compareAndSet(true, false)) {
                        LOG.infof("time-series store is back; sending the backlog");
                    }
                })
                .replaceWithVoid();
    }

    private void wentDown(Throwable failure) {
        failures.increment();
        if (down.compareAndSet(false, true)) {
            LOG.warnf("time-series store unreachable (%s); %d points wait in series_backlog and are retried every %s",
                    failure.getMessage(), waiting.get(), config.flushInterval());
        }
    }
}
