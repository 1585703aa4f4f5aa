package io.finagent.platform.database;

import io.finagent.platform.performance.PerformanceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The seed's database alerts need two figures of the service's own database:
 * {@code finagent_database_size_bytes} and {@code finagent_database_slow_queries} (statements
 * running longer than {@code finagent.performance.slow-query} now; the performance report shows it
 * too). Read on a timer, not per scrape, so a slow database never makes /q/metrics slow.
 */
@ApplicationScoped
public class DatabaseGauges {

    private static final Logger LOG = Logger.getLogger(DatabaseGauges.class);
    static final String READ = """
            SELECT pg_database_size(current_database()),
                   (SELECT count(*) FROM pg_stat_activity
                     WHERE datname = current_database() AND state = 'active'
                       AND now() - query_start >= make_interval(secs => $1))""";

    private final Pool pool;
    private final double slowSeconds;
    private final AtomicLong sizeBytes = new AtomicLong();
    private final AtomicLong slowQueries = new AtomicLong();

    public DatabaseGauges(Pool pool, MeterRegistry registry, PerformanceConfig performance,
                          @ConfigProperty(name = "finagent.db.name") String database) {
        this.pool = pool;
        this.slowSeconds = performance.slowQuery().toNanos() / 1e9;
        Tags tags = Tags.of("database", database);
        registry.gauge("finagent.database.size.bytes", tags, sizeBytes);
        registry.gauge("finagent.database.slow.queries", tags, slowQueries);
    }

    @Scheduled(every = "${finagent.db.gauges-interval:30s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return pool.preparedQuery(READ).execute(Tuple.of(slowSeconds))
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    sizeBytes.set(row.getLong(0));
                    slowQueries.set(row.getLong(1));
                })
                .onFailure().invoke(e -> LOG.debugf("database gauges not read: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** The statements running longer than the slow-query threshold at the last reading. */
    public long slowQueriesNow() {
        return slowQueries.get();
    }
}
