package io.finagent.platform.contracts;

import io.finagent.platform.migration.MigrationResource;
import io.finagent.platform.migration.MigrationStep;
import io.finagent.platform.migration.SchemaMigrations;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.Tokens;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every service proves with this test that each of its migration steps, the platform's included,
 * has a down script that returns the schema to exactly its former shape ({@code pg_dump
 * --schema-only} before the step and after its rollback), in a database of its own, made fresh
 * and owned by the service's role as in production; that the schema is the one checked in (drift
 * is caught); and that its admin endpoint reports the schema it runs on.
 */
public abstract class SchemaMigrationsContract {

    private static final String ENDPOINT = "/api/v1/admin/migrations";
    /** Relative to the module, where its tests run. */
    private static final Path EXPECTED_SCHEMA = Path.of("src/test/resources/expected-schema.sql");

    /** The service, as {@code deploy/postgres/provision.sh} names its role: {@code memory-service}. */
    protected abstract String service();

    @Test
    void everyStepGoesDownToExactlyTheSchemaBeforeIt() throws Exception {
        String database = freshDatabase();
        SchemaMigrations migrations = migrations(database);
        List<String> versions = migrations.report().pending().stream().map(MigrationStep::version).toList();
        assertTrue(versions.size() > 1, "the service's steps: " + versions);
        for (String version : versions) {
            String before = schema(database);
            assertEquals(version, migrations.migrateTo(Optional.of(version)).current());
            migrations.rollback(1, true); // only rows a step wrote itself (recall_index_origin's) can be lost here
            assertEquals(before, schema(database), "the schema after step " + version + " and its down script");
            migrations.migrateTo(Optional.of(version));
        }
        assertEquals(List.of(), migrations.report().pending());
    }

    @Test
    void migratingToAVersionStopsThere() throws Exception {
        String database = freshDatabase();
        SchemaMigrations migrations = migrations(database);
        List<String> versions = migrations.report().pending().stream().map(MigrationStep::version).toList();
        String middle = versions.get(versions.size() / 2);
        var report = migrations.migrateTo(Optional.of(middle));
        assertEquals(middle, report.current());
        assertEquals(versions.subList(versions.indexOf(middle) + 1, versions.size()), report.pending().stream().map(MigrationStep::version).toList());
        assertEquals(versions.get(versions.size() - 1), migrations.migrateTo(Optional.empty()).current());
    }

    /**
     * The schema the steps build, as pg_dump prints it (every table's columns, types, defaults,
     * constraints, indexes, triggers and functions), is the one checked in beside the tests, so
     * that a change of it is seen in review against the design. After a deliberate change,
     * {@code -Dfinagent.schema.write=true} writes the new one (then read its diff).
     */
    @Test
    void theSchemaIsTheCheckedInOne() throws Exception {
        String database = freshDatabase();
        migrations(database).migrateTo(Optional.empty());
        String actual = schema(database);
        if (Boolean.getBoolean("finagent.schema.write")) {
            Files.createDirectories(EXPECTED_SCHEMA.getParent());
            Files.writeString(EXPECTED_SCHEMA, actual + "\n");
        }
        assertTrue(Files.exists(EXPECTED_SCHEMA), EXPECTED_SCHEMA.toAbsolutePath() + " is missing: write it with -Dfinagent.schema.write=true");
        assertEquals(Files.readString(EXPECTED_SCHEMA).strip(), actual,
                "the schema differs from " + EXPECTED_SCHEMA + " (a deliberate change: -Dfinagent.schema.write=true, then review the diff)");
    }

    @Test
    void theServiceShowsItsSchemaVersionToAdminsAndRefusesBadRequests() {
        given().header("Authorization", Tokens.bearer(Tokens.admin("ops"))).get(ENDPOINT).then().statusCode(200)
                .body("pending", hasSize(0)).body("current", notNullValue()).body("applied.undoable", everyItem(is(true)));
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent"))).get(ENDPOINT).then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.admin("ops"))).contentType("application/json").body("{\"version\": \"999\"}")
                .post(ENDPOINT).then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("version"));
        given().header("Authorization", Tokens.bearer(Tokens.admin("ops"))).contentType("application/json").body("{\"steps\": 0}")
                .post(ENDPOINT + "/rollback").then().statusCode(400).body("errors[0].field", is("steps"));
        given().header("Authorization", Tokens.bearer(Tokens.admin("ops"))).contentType("application/json").body("{}")
                .post(ENDPOINT).then().statusCode(200).body("pending", hasSize(0));
        // the edge fuzz suite never sends these an admin's token: the mark must be in the document
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'" + ENDPOINT + "'.post.'" + MigrationResource.SCHEMA_CHANGING + "'", is(true))
                .body("paths.'" + ENDPOINT + "/rollback'.post.'" + MigrationResource.SCHEMA_CHANGING + "'", is(true));
    }

    /**
     * The rows written before {@code step} (by {@code seed}, as the service's role) are all in
     * {@code table} after it, each in the partition of its month, or the default one when older than
     * the months made; the months ahead exist; its identity goes on from where it was; and its
     * rollback brings the same rows back into one plain table.
     */
    protected void rowsMoveIntoMonths(String step, String table, String column, String... seed) throws Exception {
        String database = freshDatabase();
        SchemaMigrations migrations = migrations(database);
        List<String> versions = migrations.report().pending().stream().map(MigrationStep::version).toList();
        migrations.migrateTo(Optional.of(versions.get(versions.indexOf(step) - 1)));
        TestDatabase db = new TestDatabase(database).as(ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class));
        for (String statement : seed) {
            db.execute(statement);
        }
        String rows = rows(db, table);
        String identity = db.strings("SELECT pg_sequence_last_value(pg_get_serial_sequence(?, 'id')::regclass)::text", table).get(0);
        assertFalse(rows.startsWith("0:"), "the seed wrote no rows: " + rows);

        migrations.migrateTo(Optional.of(step));
        assertEquals(rows, rows(db, table));
        assertEquals("p", db.strings("SELECT relkind::text FROM pg_class WHERE oid = ?::regclass", table).get(0));
        assertEquals(0, db.count("SELECT count(*) FROM " + table + " WHERE tableoid::regclass::text NOT IN (? || '_default',"
                + " ? || to_char(" + column + " AT TIME ZONE 'UTC', '\"_p\"YYYY\"_\"MM'))", table, table), "a row outside its month");
        assertTrue(db.count("SELECT count(*) FROM " + table + " WHERE tableoid::regclass::text <> ? || '_default'", table) > 0,
                "the recent rows are in their months' partitions");
        assertEquals(1, db.count("SELECT count(*) FROM pg_class WHERE relname = ? || to_char((now() + interval '1 month') AT TIME ZONE 'UTC',"
                + " '\"_p\"YYYY\"_\"MM')", table), "next month's partition");
        assertEquals(identity, db.strings("SELECT pg_sequence_last_value(pg_get_serial_sequence(?, 'id')::regclass)::text", table).get(0));

        migrations.rollback(1, true);
        assertEquals(rows, rows(db, table));
        assertEquals("r", db.strings("SELECT relkind::text FROM pg_class WHERE oid = ?::regclass", table).get(0));
    }

    /** How many rows and a digest of all of them. */
    private static String rows(TestDatabase db, String table) {
        return db.strings("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM " + table + " t").get(0);
    }

    private String freshDatabase() {
        String database = "finagent_" + service().replace("-service", "") + "_migrations_test";
        TestInfrastructure.freshDatabase(service(), database);
        return database;
    }

    /** The runner as the service configures it, on the given database, as the service's role. */
    private static SchemaMigrations migrations(String database) {
        Config config = ConfigProvider.getConfig();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:5432/" + database);
        dataSource.setUser(config.getValue("quarkus.datasource.username", String.class));
        Flyway flyway = Flyway.configure().dataSource(dataSource)
                .locations(config.getValue("quarkus.flyway.locations", String[].class))
                .outOfOrder(config.getOptionalValue("quarkus.flyway.out-of-order", Boolean.class).orElse(false)).load();
        return new SchemaMigrations(flyway, dataSource);
    }

    /** The schema as pg_dump prints it, without its comments and the random key of its \restrict lines. */
    private static String schema(String database) throws IOException, InterruptedException {
        Process dump = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "--schema-only",
                "--schema=public", "--exclude-table=flyway_schema_history", database, // the schema only, without the statistics extensions
                "--exclude-table=*_p[0-9][0-9][0-9][0-9]_[0-9][0-9]") // nor the partitions of months, which depend on the day
                .redirectErrorStream(true).start();
        String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, dump.waitFor(), text);
        return text.lines().filter(l -> !l.startsWith("--") && !l.startsWith("\\restrict") && !l.startsWith("\\unrestrict") && !l.isBlank())
                .collect(Collectors.joining("\n"));
    }
}
