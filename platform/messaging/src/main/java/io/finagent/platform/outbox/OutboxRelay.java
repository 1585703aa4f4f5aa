package io.finagent.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows, oldest first, and marks them published only after the broker
 * acknowledged them. While the broker is down the rows wait; nothing is lost. Replicas share the
 * work through SKIP LOCKED. A crash between publish and mark republishes: consumers dedupe by id.
 */
@ApplicationScoped
@IfBuildProperty(name = "finagent.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK_BATCH = """
            SELECT id, topic, event_key, payload, traceparent FROM outbox_events
            WHERE published_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED""";
    private static final String MARK_PUBLISHED = "UPDATE outbox_events SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1)";
    private static final String MARK_FAILED = "UPDATE outbox_events SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1)";
    private static final String COUNT_PENDING = "SELECT count(*) FROM outbox_events WHERE published_at IS NULL";

    private final Pool pool;
    private final OutboxPublisher publisher;
    private final OutboxConfig config;
    private final Counter published;
    private final AtomicLong pending = new AtomicLong();

    public OutboxRelay(Pool pool, OutboxPublisher publisher, OutboxConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.publisher = publisher;
        this.config = config;
        this.published = registry.counter("finagent.outbox.published");
        registry.gauge("finagent.outbox.pending", pending);
    }

    @Scheduled(every = "${finagent.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        return drain()
                .onFailure().invoke(e -> LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .chain(() -> pool.query(COUNT_PENDING).execute())
                .invoke(rows -> pending.set(rows.iterator().next().getLong(0)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Batch after batch until one comes back short: a burst drains in one run, not one batch a second. */
    private Uni<Void> drain() {
        return pool.withTransaction(this::publishBatch)
                .chain(sent -> sent == config.batchSize() ? drain() : Uni.createFrom().voidItem());
    }

    /** Publishes one batch in the caller's transaction; the number sent, 0 when the broker refused. */
    private Uni<Integer> publishBatch(SqlConnection conn) {
        return conn.preparedQuery(LOCK_BATCH).execute(Tuple.of(config.batchSize()))
                .map(rows -> {
                    List<PendingEvent> batch = new ArrayList<>();
                    for (Row row : rows) {
                        batch.add(new PendingEvent(row.getUUID("id"), row.getString("topic"),
                                row.getString("event_key"), row.getString("payload"), row.getString("traceparent")));
                    }
                    return batch;
                })
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0) : publishAndMark(conn, batch));
    }

    private Uni<Integer> publishAndMark(SqlConnection conn, List<PendingEvent> batch) {
        UUID[] ids = batch.stream().map(PendingEvent::id).toArray(UUID[]::new);
        return publisher.publish(batch)
                .chain(() -> conn.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(ids)))
                .invoke(() -> {
                    published.increment(batch.size());
                    LOG.debugf("published %d outbox events", batch.size());
                })
                .onFailure().call(e -> conn.preparedQuery(MARK_FAILED).execute(Tuple.of(ids, String.valueOf(e.getMessage()))))
                .replaceWith(batch.size())
                // the failure is recorded on the rows; the pass itself commits that record
                .onFailure().invoke(e -> LOG.warnf("broker did not acknowledge %d events: %s", batch.size(), e.getMessage()))
                .onFailure().recoverWithItem(0);
    }
}
