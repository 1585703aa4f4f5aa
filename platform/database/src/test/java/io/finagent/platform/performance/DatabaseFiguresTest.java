package io.finagent.platform.performance;

import io.finagent.platform.performance.PerformanceReport.Database;
import io.finagent.platform.performance.PerformanceReport.TableStorage;
import io.finagent.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's database figures are what the database itself says, read independently here. */
class DatabaseFiguresTest {

    private static final String DATABASE = "finagent_platform_report_test";

    private PGSimpleDataSource dataSource;
    private TestDatabase db;

    @BeforeEach
    void plant() throws SQLException {
        dataSource = PerformanceDatabase.fresh(DATABASE, false);
        db = new TestDatabase(DATABASE);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE prices (id BIGINT PRIMARY KEY, symbol TEXT NOT NULL, price NUMERIC NOT NULL)");
            st.execute("INSERT INTO prices SELECT g, 'SYM' || (g % 50), g FROM generate_series(1, 20000) g");
            st.execute("ANALYZE prices");
            for (int i = 0; i < 3; i++) {
                st.execute("SELECT pg_sleep(0.25)");
            }
            st.execute("SELECT count(*) FROM prices");
        }
    }

    @Test
    void statementsAreCountedWhenTheyFinishAndTheSlowOnesSaySo() throws SQLException {
        Database figures = read(Duration.ofMillis(200));
        var queries = figures.queries();
        assertTrue(queries.statementStatistics());
        String ours = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND userid = '"
                + PerformanceDatabase.OWNER + "'::regrole AND toplevel AND query NOT LIKE '%finagent:statistics%'"
                + " AND query !~* '^\\s*(begin|commit|rollback|savepoint|release|set|show|reset|prepare|explain|deallocate|discard|select 1$)'";
        assertEquals(db.count("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + ours + " AND mean_exec_time >= 200"),
                queries.slowExecutions(), "the statements averaging 200 ms or more: the three sleeps of 250 ms at least");
        assertTrue(queries.slowExecutions() >= 3, queries.toString());
        assertTrue(queries.slowest().get(0).query().startsWith("SELECT pg_sleep"), queries.slowest().toString());
        assertEquals(3, queries.slowest().get(0).calls());
        for (double p : new double[] {0.5, 0.95, 0.99}) { // the mean of the statement in which the p-th execution falls
            String atRank = db.strings("SELECT mean_exec_time FROM (SELECT mean_exec_time, sum(calls) OVER (ORDER BY mean_exec_time, queryid) AS seen,"
                    + " sum(calls) OVER () AS executions FROM pg_stat_statements WHERE " + ours + ") s"
                    + " WHERE seen >= ceil(" + p + " * executions) ORDER BY seen LIMIT 1").get(0);
            assertEquals(Double.parseDouble(atRank), p == 0.5 ? queries.p50Ms() : p == 0.95 ? queries.p95Ms() : queries.p99Ms(), 1e-9, "p" + p);
        }
        assertEquals(db.count("SELECT sum(calls) FROM pg_stat_statements WHERE " + ours), queries.executions());
        assertEquals(0, read(Duration.ofSeconds(1)).queries().slowExecutions());
    }

    @Test
    void tablesHaveTheirSizeAndGrowPerDaySinceTheOldestSample() throws SQLException {
        long bytes = db.count("SELECT pg_total_relation_size('prices')");
        db.execute("INSERT INTO storage_samples VALUES ('prices', current_date - 4, " + (bytes - 4000) + ", 1),"
                + " ('prices', current_date - 2, 1, 1)");
        TableStorage prices = read(Duration.ofSeconds(1)).tables().stream().filter(t -> t.table().equals("prices")).findFirst().orElseThrow();
        assertEquals(bytes, prices.bytes());
        assertEquals(20000, prices.rows());
        assertEquals(1000.0, prices.growthBytesPerDay(), "4,000 bytes in 4 days");
        assertEquals(LocalDate.now().minusDays(4), prices.growthSince());
        TableStorage samples = read(Duration.ofSeconds(1)).tables().stream().filter(t -> t.table().equals("storage_samples")).findFirst().orElseThrow();
        assertNull(samples.growthBytesPerDay(), "no sample before today");
    }

    @Test
    void todaysSampleIsKeptAndTheBufferHitsAreThoseOfTheStatistics() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            new StorageSamples(null, PerformanceDatabase.config(Duration.ofSeconds(1))).record(c);
        }
        assertEquals(db.count("SELECT pg_total_relation_size('prices')"),
                db.count("SELECT bytes FROM storage_samples WHERE table_name = 'prices' AND sampled_on = current_date"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // the statistics stay as they were at the transaction's first read of them
            var hits = DatabaseFigures.cacheHits(c);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT sum(heap_blks_hit)::float8 / sum(heap_blks_hit + heap_blks_read),"
                         + " sum(idx_blks_hit)::float8 / sum(idx_blks_hit + idx_blks_read) FROM pg_statio_user_tables WHERE schemaname = 'public'")) {
                rs.next();
                assertEquals(rs.getDouble(1), hits.tables());
                assertEquals(rs.getDouble(2), hits.indexes());
            }
            c.rollback();
        }
    }

    @Test
    void withoutTheBackupModulesTableThereIsNoBackupAge() throws SQLException {
        // backup_exports is platform-backup's (db/backup); the age counted from it is BackupRoundTripContract's to check
        try (Connection c = dataSource.getConnection()) {
            assertNull(DatabaseFigures.backup(c).lastExport());
            assertNull(DatabaseFigures.backup(c).ageSeconds());
        }
    }

    private Database read(Duration slowQuery) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return DatabaseFigures.read(c, slowQuery, 0);
        }
    }
}
