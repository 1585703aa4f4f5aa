package io.finagent.platform.performance;

import io.finagent.platform.performance.PerformanceReport.Backup;
import io.finagent.platform.performance.PerformanceReport.CacheHits;
import io.finagent.platform.performance.PerformanceReport.Database;
import io.finagent.platform.performance.PerformanceReport.Queries;
import io.finagent.platform.performance.PerformanceReport.TableStorage;
import io.finagent.platform.performance.StatementStatistics.Order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The report's figures that the database holds, read on one connection. */
final class DatabaseFigures {

    /** Enough statements for the percentiles of any service here (pg_stat_statements keeps 5,000 by default). */
    private static final int ALL_STATEMENTS = 10_000;
    private static final int SLOWEST = 10;

    private DatabaseFigures() {
    }

    static Database read(Connection c, Duration slowQuery, long runningSlowNow) throws SQLException {
        return new Database(queries(c, slowQuery, runningSlowNow), cacheHits(c), tables(c));
    }

    static Queries queries(Connection c, Duration slowQuery, long runningSlow) throws SQLException {
        if (!StatementStatistics.available(c)) {
            return new Queries(false, 0, null, null, null, 0, runningSlow, List.of());
        }
        List<StatementFigures> all = new ArrayList<>(StatementStatistics.read(c, Order.MEAN, ALL_STATEMENTS));
        double slowMs = slowQuery.toNanos() / 1e6;
        long executions = all.stream().mapToLong(StatementFigures::calls).sum();
        long slow = all.stream().filter(s -> s.meanMs() >= slowMs).mapToLong(StatementFigures::calls).sum();
        all.sort(Comparator.comparingDouble(StatementFigures::meanMs));
        return new Queries(true, executions, percentile(all, executions, 0.5), percentile(all, executions, 0.95),
                percentile(all, executions, 0.99), slow, runningSlow,
                all.stream().sorted(Comparator.comparingDouble(StatementFigures::meanMs).reversed()).limit(SLOWEST).toList());
    }

    /** The mean time of the statement in which the p-th execution falls, executions ordered by their statement's mean. */
    private static Double percentile(List<StatementFigures> byMean, long executions, double p) {
        long rank = (long) Math.ceil(p * executions);
        long seen = 0;
        for (StatementFigures s : byMean) {
            seen += s.calls();
            if (seen >= rank && s.calls() > 0) {
                return s.meanMs();
            }
        }
        return null;
    }

    static CacheHits cacheHits(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(StatementStatistics.OWN + """
                SELECT sum(heap_blks_hit)::float8 / nullif(sum(heap_blks_hit + heap_blks_read), 0),
                       sum(idx_blks_hit)::float8 / nullif(sum(idx_blks_hit + idx_blks_read), 0)
                  FROM pg_statio_user_tables WHERE schemaname = 'public'""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new CacheHits((Double) rs.getObject(1), (Double) rs.getObject(2));
        }
    }

    /**
     * Each table of the service, largest first (a partitioned one with all its partitions; rows as the
     * planner estimates them), growing per day since the oldest sample of {@link StorageSamples} before today.
     */
    static List<TableStorage> tables(Connection c) throws SQLException {
        List<TableStorage> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(StatementStatistics.OWN + """
                SELECT t.relname, size.bytes, size.live_rows, oldest.sampled_on,
                       (size.bytes - oldest.bytes)::float8 / nullif(current_date - oldest.sampled_on, 0)
                  FROM pg_class t
                 CROSS JOIN LATERAL (SELECT sum(pg_total_relation_size(l.oid))::bigint AS bytes,
                                            sum(greatest(l.reltuples, 0)) FILTER (WHERE l.relkind = 'r')::bigint AS live_rows
                                       FROM pg_class l -- a plain table is no partition tree: itself then
                                      WHERE l.oid = t.oid OR l.oid IN (SELECT relid FROM pg_partition_tree(t.oid))) size
                  LEFT JOIN LATERAL (SELECT s.sampled_on, s.bytes FROM storage_samples s
                                      WHERE s.table_name = t.relname AND s.sampled_on < current_date
                                      ORDER BY s.sampled_on LIMIT 1) oldest ON true
                 WHERE t.relnamespace = 'public'::regnamespace AND t.relkind IN ('r', 'p') AND NOT t.relispartition
                 ORDER BY 2 DESC, 1""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TableStorage(rs.getString(1), rs.getLong(2), rs.getLong(3), (Double) rs.getObject(5),
                        rs.getObject(4, LocalDate.class)));
            }
        }
        return out;
    }

    static Backup backup(Connection c) throws SQLException {
        if (!Catalog.isTable(c, "backup_exports")) { // backup-service's own data is not exported
            return new Backup(null, null);
        }
        try (PreparedStatement ps = c.prepareStatement(StatementStatistics.OWN + "SELECT max(finished_at) FROM backup_exports");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp last = rs.getTimestamp(1);
            return last == null ? new Backup(null, null)
                    : new Backup(last.toInstant(), Duration.between(last.toInstant(), Instant.now()).toSeconds());
        }
    }
}
