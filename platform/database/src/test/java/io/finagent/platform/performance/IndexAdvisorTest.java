package io.finagent.platform.performance;

import io.finagent.platform.performance.IndexAdvice.Suggestion;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The advice on a real database with a planted missing index (trades filtered by account and time,
 * no index for it) and a planted unused one (on venue, never read): the advisor finds both, the
 * planner confirms the suggestion through a hypothetical index, and an admin's request builds it.
 */
class IndexAdvisorTest {

    private static final String DATABASE = "finagent_platform_advice_test";
    private static final String MISSING = "SELECT id, symbol FROM trades WHERE account = ? AND executed_at >= ?";

    private PGSimpleDataSource planted(boolean hypothetical) throws SQLException {
        PGSimpleDataSource dataSource = PerformanceDatabase.fresh(DATABASE, hypothetical);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE trades (id BIGINT PRIMARY KEY, account INT NOT NULL, symbol TEXT NOT NULL,"
                    + " venue TEXT NOT NULL, executed_at TIMESTAMPTZ NOT NULL)");
            st.execute("INSERT INTO trades SELECT g, g % 5000, 'SYM' || (g % 300), 'XNYS', timestamptz '2026-01-01' + g * interval '1 minute'"
                    + " FROM generate_series(1, 200000) g");
            st.execute("CREATE INDEX ix_trades_venue ON trades (venue)");
            st.execute("ANALYZE trades");
        }
        runMissing(dataSource, 5);
        return dataSource;
    }

    private static void runMissing(PGSimpleDataSource dataSource, int times) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MISSING)) {
            for (int i = 0; i < times; i++) {
                ps.setInt(1, i);
                ps.setTimestamp(2, Timestamp.from(Instant.parse("2026-03-01T00:00:00Z")));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
            }
        }
    }

    private static IndexAdvisor advisor(PGSimpleDataSource dataSource) {
        return new IndexAdvisor(dataSource, PerformanceDatabase.config(Duration.ofSeconds(1)));
    }

    @Test
    void thePlantedMissingIndexIsSuggestedAndThePlannerConfirmsIt() throws SQLException {
        IndexAdvice advice = advisor(planted(true)).advise();
        assertTrue(advice.statementStatistics() && advice.hypotheticalIndexes(), advice.toString());
        Suggestion suggestion = advice.suggestions().stream().filter(s -> s.table().equals("trades")).findFirst().orElseThrow(() -> new AssertionError(advice));
        assertEquals(List.of("account", "executed_at"), suggestion.columns(), "equality first, then the range");
        assertTrue(suggestion.checkedByPlanner());
        assertTrue(suggestion.costAfter() < suggestion.costBefore() / 2, suggestion.toString());
        assertEquals(5, suggestion.calls());
        assertEquals("CREATE INDEX CONCURRENTLY \"ix_trades_account_executed_at\" ON public.\"trades\" (\"account\", \"executed_at\")",
                suggestion.createStatement());
        assertTrue(advice.frequentStatements().stream().anyMatch(s -> s.query().contains("FROM trades WHERE account = $1") && s.calls() == 5),
                advice.frequentStatements().toString());
        assertTrue(advice.frequentStatements().stream().noneMatch(s -> s.query().contains("pg_stat_statements")), "not its own statements");
    }

    @Test
    void thePlantedUnusedIndexIsListedAndConstraintsAreNot() throws SQLException {
        IndexAdvice advice = advisor(planted(true)).advise();
        List<String> unused = advice.unusedIndexes().stream().map(IndexAdvice.UnusedIndex::index).toList();
        assertEquals("ix_trades_venue", unused.get(0), "the largest first: " + unused);
        assertFalse(unused.contains("trades_pkey"), "a primary key is a constraint, used or not");
        assertEquals("trades", advice.unusedIndexes().get(0).table());
        assertEquals(new TestDatabase(DATABASE).count("SELECT pg_relation_size('ix_trades_venue')"), advice.unusedIndexes().get(0).bytes());
    }

    @Test
    void aLargeTableReadBySequentialScansIsListed() throws SQLException {
        IndexAdvisor advisor = advisor(planted(true));
        // the server counts scans when a session reports them (at most once a second): wait for that
        await().atMost(Duration.ofSeconds(10)).until(() -> advisor.advise().sequentialScans().stream()
                .anyMatch(s -> s.table().equals("trades") && s.scans() >= 5 && s.rowsRead() >= 5 * 200_000L));
    }

    @Test
    void anAdminBuildsTheSuggestedIndexAndTheAdviceNoLongerAsksForIt() throws SQLException {
        PGSimpleDataSource dataSource = planted(true);
        Indexes indexes = new Indexes(dataSource);
        Indexes.Created created = indexes.create("trades", List.of("account", "executed_at"));
        assertEquals("ix_trades_account_executed_at", created.index());
        assertTrue(created.built());
        assertFalse(indexes.create("trades", List.of("account", "executed_at")).built(), "asked again: found, not built twice");
        TestDatabase db = new TestDatabase(DATABASE);
        assertEquals(1, db.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'ix_trades_account_executed_at'::regclass AND indisvalid"));
        runMissing(dataSource, 1);
        assertTrue(advisor(dataSource).advise().suggestions().isEmpty(), "the statement now uses the index");

        assertEquals("table", assertThrows(ProblemException.class, () -> indexes.create("nope", List.of("id"))).problem().errors().get(0).field());
        assertEquals("columns", assertThrows(ProblemException.class, () -> indexes.create("trades", List.of("id", "nope"))).problem().errors().get(0).field());
        assertEquals("columns", assertThrows(ProblemException.class, () -> indexes.create("trades", List.of("id", "id"))).problem().errors().get(0).field());
        db.execute("CREATE INDEX ix_trades_symbol_venue ON trades (venue)"); // the name an index on (symbol, venue) would take
        assertEquals(409, assertThrows(ProblemException.class, () -> indexes.create("trades", List.of("symbol", "venue"))).problem().status());
        db.execute("ALTER TABLE trades ADD COLUMN details JSON");
        assertEquals("columns", assertThrows(ProblemException.class, () -> indexes.create("trades", List.of("details"))).problem().errors().get(0).field(),
                "a json column has no B-tree");
        assertEquals(0, db.count("SELECT count(*) FROM pg_index WHERE NOT indisvalid"), "no invalid index left behind");
    }

    @Test
    void withoutHypoPGTheSuggestionSaysThePlannerDidNotCheckIt() throws SQLException {
        IndexAdvice advice = advisor(planted(false)).advise();
        assertFalse(advice.hypotheticalIndexes());
        Suggestion suggestion = advice.suggestions().stream().filter(s -> s.table().equals("trades")).findFirst().orElseThrow(() -> new AssertionError(advice));
        assertEquals(List.of("account", "executed_at"), suggestion.columns());
        assertFalse(suggestion.checkedByPlanner());
        assertNull(suggestion.costAfter());
    }
}
