package io.finagent.platform.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

/**
 * Keeps the event tables bounded: published outbox rows older than
 * {@code finagent.retention.published-events} and inbox rows older than
 * {@code finagent.retention.received-events} are deleted on a schedule, oldest first, in batches
 * ({@code FOR UPDATE SKIP LOCKED}: replicas at it together share the work), counted in
 * {@code finagent_retention_deleted_total{table}}. An unpublished outbox row is never deleted. The
 * backup change log (row_changes) is pruned by backup-service instead, once no kept backup needs it.
 * A service without these tables (no events) skips it.
 */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);

    /** A table this deletes from, and the statement deleting one batch of rows older than $1 ($2 at most). */
    enum Table {
        OUTBOX("outbox_events", """
                DELETE FROM outbox_events WHERE id IN (
                    SELECT id FROM outbox_events WHERE published_at < $1 ORDER BY published_at LIMIT $2 FOR UPDATE SKIP LOCKED)"""),
        INBOX("inbox_events", """
                DELETE FROM inbox_events WHERE (consumer, event_id) IN (
                    SELECT consumer, event_id FROM inbox_events WHERE received_at < $1 ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED)""");

        final String name;
        final String deleteBatch;

        Table(String name, String deleteBatch) {
            this.name = name;
            this.deleteBatch = deleteBatch;
        }
    }

    private final Pool pool;
    private final RetentionConfig config;
    private final Map<Table, Counter> deleted = new EnumMap<>(Table.class);

    public EventRetention(Pool pool, RetentionConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.config = config;
        for (Table table : Table.values()) {
            deleted.put(table, Counter.builder("finagent.retention.deleted").tag("table", table.name)
                    .description("rows of the event tables deleted past their keep").register(registry));
        }
    }

    @Scheduled(identity = "event-retention", every = "${finagent.retention.interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return prune(Instant.now()).onFailure().invoke(e -> LOG.warnf("event retention did not run: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass as of {@code now}: deletes what is past its keep in both tables. */
    public Uni<Void> prune(Instant now) {
        return pool.query("SELECT to_regclass('outbox_events') IS NOT NULL AND to_regclass('inbox_events') IS NOT NULL").execute()
                .chain(rows -> !rows.iterator().next().getBoolean(0) ? Uni.createFrom().voidItem()
                        : delete(Table.OUTBOX, now.minus(config.publishedEvents()))
                        .chain(() -> delete(Table.INBOX, now.minus(config.receivedEvents()))));
    }

    private Uni<Void> delete(Table table, Instant before) {
        Tuple parameters = Tuple.of(before.atOffset(ZoneOffset.UTC), config.batchSize());
        return Uni.createFrom().deferred(() -> pool.preparedQuery(table.deleteBatch).execute(parameters).map(rows -> (long) rows.rowCount()))
                .invoke(n -> {
                    deleted.get(table).increment(n);
                    if (n > 0) {
                        LOG.infof("%s: %d rows older than %s deleted", table.name, n, before);
                    }
                })
                .repeat().whilst(n -> n == config.batchSize())
                .collect().last()
                .replaceWithVoid();
    }
}
