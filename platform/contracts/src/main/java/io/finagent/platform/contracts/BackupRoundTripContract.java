package io.finagent.platform.contracts;

import io.finagent.platform.backup.ExportConfig;
import io.finagent.platform.export.BackedUpTable;
import io.finagent.platform.testing.ChunkedBodies;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every service with data proves with this test that backups cover it: each of its tables is
 * exported (or named with a reason in {@link #notBackedUp()}) and has change capture, and a full
 * export plus a delta, imported into wiped tables, give back exactly the state of the delta,
 * inserts, updates and deletes of every table included.
 */
public abstract class BackupRoundTripContract {

    private static final String EXPORT = "/api/v1/backup/export";
    private static final Set<String> PLATFORM_TABLES = Set.of("flyway_schema_history", "outbox_events", "inbox_events", "row_changes", "data_restores",
            "backup_exports", "storage_samples");

    protected abstract String database();

    /** Rows in every exported table, before the full export. */
    protected abstract void seed(TestDatabase db);

    /** After the full export: inserts, updates and deletes that the delta must carry. */
    protected abstract void change(TestDatabase db);

    /** Tables deliberately outside backups, each with the reason. */
    protected Set<String> notBackedUp() {
        return Set.of();
    }

    @Test
    void everyTableIsBackedUpWithChangeCaptureOrNamedAsNot() {
        TestDatabase db = new TestDatabase(database());
        Set<String> expected = new TreeSet<>(db.tables());
        expected.removeAll(PLATFORM_TABLES);
        expected.removeAll(notBackedUp());
        assertEquals(expected, new TreeSet<>(tables().stream().map(BackedUpTable::name).toList()));
        for (BackedUpTable table : tables()) {
            assertEquals(1, db.count("SELECT count(*) FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid"
                    + " WHERE t.tgrelid = ?::regclass AND p.proname = 'finagent_record_change'", table.name()), table.name() + " has change capture");
        }
    }

    /**
     * The service's scheduled jobs (outcome checks, purges of expired rows, the outbox relay) are
     * paused meanwhile: they change rows other test classes left behind at any moment, and nothing
     * but this test may change the tables between the state it compares and the export or import.
     */
    @Test
    void aFullExportPlusADeltaRestoresTheDeltasStateIntoWipedTables() throws Exception {
        Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
        scheduler.pause();
        try {
            roundTrip();
        } finally {
            scheduler.resume();
        }
    }

    private void roundTrip() throws Exception {
        TestDatabase db = new TestDatabase(database());
        awaitQuiet(db);
        seed(db);
        long exports = db.count("SELECT count(*) FROM backup_exports");
        long fullExports = db.count("SELECT count(*) FROM backup_exports WHERE NOT incremental");
        ExtractableResponse<Response> full = asAdmin().get(EXPORT).then().statusCode(200).extract();
        for (BackedUpTable table : tables()) {
            assertTrue(db.count("SELECT count(*) FROM " + table.name()) > 0, "seed() fills " + table.name());
        }
        change(db);
        String atDelta = state(db);
        byte[] delta = asAdmin().queryParam("since", full.header("X-Backup-Snapshot")).get(EXPORT).then().statusCode(200).extract().asByteArray();
        // each export recorded once its last byte is out (the performance report's backup age): after the client has read it
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count("SELECT count(*) FROM backup_exports") == exports + 2);
        assertEquals(fullExports + 1, db.count("SELECT count(*) FROM backup_exports WHERE NOT incremental"));
        // the performance report's backup age counts from the newest of them
        String newest = db.strings("SELECT to_char(max(finished_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM backup_exports").get(0);
        var backup = asAdmin().get("/api/v1/admin/performance-report").then().statusCode(200).extract().jsonPath();
        assertEquals(Instant.parse(newest), Instant.parse(backup.getString("backup.lastExport")));
        long age = backup.getLong("backup.ageSeconds");
        assertTrue(age >= 0 && age < 60, "the age of an export just made: " + age);

        db.execute("TRUNCATE " + String.join(", ", tables().stream().map(BackedUpTable::name).toList()) + " CASCADE");
        var imported = ChunkedBodies.send("POST", "/api/v1/backup/import", Tokens.bearer(Tokens.admin("backup-service")),
                "application/octet-stream", ExportBodies.chain(full.asByteArray(), delta));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(atDelta, state(db));
    }

    /** A job already running when the scheduler paused may still write: wait until the tables hold still. */
    private void awaitQuiet(TestDatabase db) {
        String before = state(db);
        for (int i = 0; i < 30; i++) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            String now = state(db);
            if (now.equals(before)) {
                return;
            }
            before = now;
        }
        throw new AssertionError("the tables kept changing for a minute with the scheduler paused");
    }

    private List<BackedUpTable> tables() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(ExportConfig.class).backedUpTables();
    }

    /** Every exported table's rows as PostgreSQL prints them, in key order, and its indexes (an import rebuilds them). */
    private String state(TestDatabase db) {
        StringBuilder all = new StringBuilder();
        all.append("indexes:\n").append(String.join("\n", db.strings("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND tablename IN (" + String.join(", ", tables().stream().map(t -> "'" + t.name() + "'").toList()) + ") ORDER BY indexname")))
                .append('\n');
        for (BackedUpTable table : tables()) {
            String order = String.join(", ", table.keyColumns());
            all.append(table.name()).append(":\n")
                    .append(String.join("\n", db.strings("SELECT t::text FROM " + table.name() + " t ORDER BY " + order))).append('\n');
        }
        return all.toString();
    }

    private static RequestSpecification asAdmin() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin("backup-service")));
    }
}
