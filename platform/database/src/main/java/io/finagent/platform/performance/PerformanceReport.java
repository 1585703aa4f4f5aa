package io.finagent.platform.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How the service performs (docs/performance-report.md): its requests' latency, its statements'
 * (from pg_stat_statements: each execution counted when it finishes), the database's buffer cache
 * hits, its tables' storage and growth, and the age of its last backup export.
 */
public record PerformanceReport(Instant at, List<RequestLatency> requests, Database database, Backup backup) {

    /** One endpoint's answers with one status: count, mean and max since the start, percentiles over the last minutes (ms). */
    public record RequestLatency(String method, String uri, String status, long count, double meanMs,
                                 Double p50Ms, Double p95Ms, Double p99Ms, double maxMs) {
    }

    /** The database's figures, shared by every replica of the service. */
    public record Database(Queries queries, CacheHits cacheHits, List<TableStorage> tables) {
    }

    /**
     * Statement executions since the statistics were reset; the percentiles are over executions,
     * each taken at its statement's mean time. {@code slowExecutions}: executions of statements
     * whose mean reaches {@code finagent.performance.slow-query}; {@code runningSlowNow}: statements
     * running longer than that at this moment.
     */
    public record Queries(boolean statementStatistics, long executions, Double p50Ms, Double p95Ms, Double p99Ms,
                          long slowExecutions, long runningSlowNow, List<StatementFigures> slowest) {
    }

    /** Share of the tables' and indexes' block reads served from PostgreSQL's buffers; null before any read. */
    public record CacheHits(Double tables, Double indexes) {
    }

    /** A table's size with its indexes and TOAST; growth per day since the oldest sample kept, null under a day of samples. */
    public record TableStorage(String table, long bytes, long rows, Double growthBytesPerDay, LocalDate growthSince) {
    }

    /** The last complete export for backup-service; null when there has been none. */
    public record Backup(Instant lastExport, Long ageSeconds) {
    }
}
