package io.finagent.platform.performance;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.performance.PerformanceReport.Database;
import io.finagent.platform.performance.PerformanceReport.TableStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The performance report's database figures as Prometheus gauges, read on a timer (not per
 * scrape): statement percentiles and slow executions, buffer cache hits, each table's size and
 * growth, and the age of the last backup export. Request latency is already the server's timer.
 */
@ApplicationScoped
public class PerformanceGauges {

    private static final Logger LOG = Logger.getLogger(PerformanceGauges.class);

    private final AgroalDataSource dataSource;
    private final PerformanceReports reports;
    private final Tags database;
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private final MultiGauge tableBytes;
    private final MultiGauge tableGrowth;

    public PerformanceGauges(AgroalDataSource dataSource, PerformanceReports reports, MeterRegistry registry,
                             @ConfigProperty(name = "finagent.db.name") String databaseName) {
        this.dataSource = dataSource;
        this.reports = reports;
        this.database = Tags.of("database", databaseName);
        for (String q : List.of("0.5", "0.95", "0.99")) {
            gauge(registry, "finagent.database.statement.seconds", database.and("quantile", q), "statement." + q);
        }
        gauge(registry, "finagent.database.slow.executions", database, "slow");
        gauge(registry, "finagent.database.cache.hit.ratio", database.and("kind", "tables"), "hits.tables");
        gauge(registry, "finagent.database.cache.hit.ratio", database.and("kind", "indexes"), "hits.indexes");
        gauge(registry, "finagent.backup.export.age.seconds", database, "backup.age");
        this.tableBytes = MultiGauge.builder("finagent.database.table.bytes").register(registry);
        this.tableGrowth = MultiGauge.builder("finagent.database.table.growth.bytes.per.day").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, Tags tags, String key) {
        registry.gauge(name, tags, values, v -> v.getOrDefault(key, Double.NaN));
    }

    @Scheduled(every = "${finagent.performance.gauges-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try (Connection c = dataSource.getConnection()) {
            Database figures = reports.database(c);
            var queries = figures.queries();
            put("statement.0.5", seconds(queries.p50Ms()));
            put("statement.0.95", seconds(queries.p95Ms()));
            put("statement.0.99", seconds(queries.p99Ms()));
            put("slow", queries.statementStatistics() ? (double) queries.slowExecutions() : null);
            put("hits.tables", figures.cacheHits().tables());
            put("hits.indexes", figures.cacheHits().indexes());
            Long age = DatabaseFigures.backup(c).ageSeconds();
            put("backup.age", age == null ? null : age.doubleValue());
            tableBytes.register(figures.tables().stream().map(t -> row(t, (double) t.bytes())).toList(), true);
            tableGrowth.register(figures.tables().stream().filter(t -> t.growthBytesPerDay() != null)
                    .map(t -> row(t, t.growthBytesPerDay())).toList(), true);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("performance gauges not read: %s", e.getMessage());
        }
    }

    private void put(String key, Double value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    private static Double seconds(Double ms) {
        return ms == null ? null : ms / 1000;
    }

    private MultiGauge.Row<?> row(TableStorage table, double value) {
        return MultiGauge.Row.of(database.and("table", table.table()), value);
    }
}
