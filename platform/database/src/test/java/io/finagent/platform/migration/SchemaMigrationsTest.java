package io.finagent.platform.migration;

import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration runner on a real database, as a non-superuser owner: to a version and no
 * further, back step by step with the down scripts (Flyway's history agreeing), and a rollback
 * that would drop rows, values or tables refused until confirmed, changing nothing meanwhile.
 */
class SchemaMigrationsTest {

    private static final String DATABASE = "finagent_platform_migrations_test";
    private static final String OWNER = "finagent_platform_test";

    private SchemaMigrations migrations;

    @BeforeEach
    void freshDatabase() {
        PGSimpleDataSource dataSource = TestDatabase.freshOwnedBy(DATABASE, OWNER).dataSource();
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("db/testmigrations").load();
        migrations = new SchemaMigrations(flyway, dataSource);
    }

    @Test
    void migratingToAVersionStopsThereAndTheReportSaysWhatIsAppliedAndPending() {
        MigrationReport report = migrations.migrateTo(Optional.of("2"));
        assertEquals("2", report.current());
        assertEquals(List.of("1", "2"), report.applied().stream().map(MigrationStep::version).toList());
        assertEquals(List.of("3", "4"), report.pending().stream().map(MigrationStep::version).toList());
        assertEquals(List.of(true, true, true, false), List.of(report.applied().get(0).undoable(), report.applied().get(1).undoable(),
                report.pending().get(0).undoable(), report.pending().get(1).undoable()), "a step is undoable when its down script exists");
        assertEquals("4", migrations.migrateTo(Optional.empty()).current());
        assertEquals(400, problem(() -> migrations.migrateTo(Optional.of("9"))).problem().status());
    }

    @Test
    void aRollbackUndoesTheLastStepsAndFlywaySeesThemPendingAgain() throws SQLException {
        migrations.migrateTo(Optional.of("3"));
        Rollback rollback = migrations.rollback(2, true); // V3 deletes the row it added: that is data, confirmed
        assertEquals(List.of("3", "2"), rollback.undone().stream().map(MigrationStep::version).toList());
        assertEquals("1", rollback.schema().current());
        assertEquals(List.of("2", "3", "4"), rollback.schema().pending().stream().map(MigrationStep::version).toList());
        assertEquals(List.of(), strings("SELECT column_name FROM information_schema.columns WHERE table_name = 'trades' AND column_name = 'venue'"));
        assertEquals("3", migrations.migrateTo(Optional.of("3")).current(), "the undone steps apply again");
        assertEquals(List.of("XNYS"), strings("SELECT code FROM venues"));
    }

    @Test
    void aRollbackThatWouldDropDataIsRefusedUntilConfirmedAndChangesNothing() throws SQLException {
        migrations.migrateTo(Optional.of("3"));
        execute("INSERT INTO trades (symbol, quantity, venue) VALUES ('AAPL', 3, 'XNYS'), ('MSFT', 1, NULL)");

        ProblemException refused = problem(() -> migrations.rollback(1, false));
        assertEquals(409, refused.problem().status());
        assertTrue(refused.getMessage().contains("rows of venues (1 rows)"), refused.getMessage());
        assertEquals("3", migrations.report().current());
        assertEquals(List.of("XNYS"), strings("SELECT venue FROM trades WHERE symbol = 'AAPL'"), "nothing changed");

        ProblemException column = problem(() -> migrations.rollback(2, false));
        assertTrue(column.getMessage().contains("column trades.venue (1 rows)"), column.getMessage());
        ProblemException tables = problem(() -> migrations.rollback(3, false));
        assertTrue(tables.getMessage().contains("table trades (2 rows)") && tables.getMessage().contains("table venues (1 rows)"), tables.getMessage());

        execute("DELETE FROM trades");
        execute("DELETE FROM venues WHERE code = 'XNYS'");
        assertEquals("2", migrations.rollback(1, false).schema().current(), "nothing to lose: no confirmation needed");
        Rollback confirmed = migrations.rollback(1, true);
        assertEquals(List.of(), confirmed.dataDropped(), "an empty column and empty tables are no loss");
        assertEquals("1", confirmed.schema().current());
    }

    @Test
    void aStepWithoutADownScriptCannotBeRolledBackAndNothingChanges() throws SQLException {
        migrations.migrateTo(Optional.empty());
        ProblemException refused = problem(() -> migrations.rollback(2, true));
        assertEquals(422, refused.problem().status());
        assertTrue(refused.getMessage().contains("D4__no_way_back.sql"), refused.getMessage());
        assertEquals("4", migrations.report().current());
        assertEquals(List.of("XNYS"), strings("SELECT code FROM venues"), "V3's row stays: the rollback did not start");
        assertEquals(400, problem(() -> migrations.rollback(0, true)).problem().status());
        assertEquals(400, problem(() -> migrations.rollback(5, true)).problem().status());
    }

    private static ProblemException problem(Runnable call) {
        return assertThrows(ProblemException.class, call::run);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static Connection connect() throws SQLException {
        return new TestDatabase(DATABASE).as(OWNER).connect();
    }
}
