package io.finagent.backup;

import io.finagent.platform.partitions.MonthlyPartitions;
import io.finagent.platform.partitions.Partitions;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Monthly partitions, on the test profile's sample_monthly_trades (backup-service playing a
 * service): months created ahead and listed, a query across months, and the archiver moving
 * whole months (docs/partitions.md).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BackupTestSettings.class, scope = TestResourceScope.GLOBAL)
class MonthlyPartitionsTest {

    private static final TestDatabase DB = new TestDatabase("finagent_backup_test");
    private static final String TABLE = "sample_monthly_trades";
    /** The service's role, which owns its partitions, as the job's are. */
    private static final String ROLE = "finagent_backup";

    @Inject
    MonthlyPartitions partitions;

    @Test
    void theNextMonthsArePartitionedAheadListedAndRecreatedWhenMissingWithTheDefaultPartitionsStorage() throws Exception {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        List<String> names = partitionNames();
        for (int month = 0; month <= 3; month++) { // finagent.partitions.months-ahead: 3
            assertTrue(names.contains(Partitions.name(TABLE, now.plusMonths(month))), "month +" + month + " in " + names);
        }
        assertTrue(names.contains(TABLE + "_default"), names.toString());
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent"))).get("/api/v1/admin/partitions").then().statusCode(403);

        String last = Partitions.name(TABLE, now.plusMonths(3));
        DB.execute("DROP TABLE " + last); // as if the job had not run
        DB.execute("ALTER TABLE " + TABLE + "_default SET (fillfactor = 80)");
        try {
            assertEquals(1, partitions.createAhead().get(TABLE));
        } finally {
            DB.execute("ALTER TABLE " + TABLE + "_default RESET (fillfactor)");
        }
        assertEquals(0, partitions.createAhead().get(TABLE), "a second run finds every month there");
        assertTrue(partitionNames().contains(last));
        assertEquals(List.of("{fillfactor=80}"), DB.strings("SELECT reloptions::text FROM pg_class WHERE relname = ?", last),
                "a new month has the storage parameters of the default partition");
    }

    @Test
    void aQueryAcrossMonthsReturnsEveryRowEachInItsMonth() {
        String tag = "Q" + UUID.randomUUID().toString().substring(0, 6);
        pastMonths(2);
        DB.execute("INSERT INTO " + TABLE + " (symbol, traded_at) VALUES ('" + tag + "-now', now()),"
                + " ('" + tag + "-1m', now() - interval '1 month'), ('" + tag + "-2m', now() - interval '2 months'),"
                + " ('" + tag + "-1990', '1990-03-01T00:00:00Z')");
        assertEquals(List.of(tag + "-1990", tag + "-1m", tag + "-2m", tag + "-now"),
                DB.strings("SELECT symbol FROM " + TABLE + " WHERE symbol LIKE ? ORDER BY symbol", tag + "%"));
        assertEquals(List.of(TABLE + "_default"), DB.strings("SELECT tableoid::regclass::text FROM " + TABLE + " WHERE symbol = ?", tag + "-1990"));
        assertEquals(0, DB.count("SELECT count(*) FROM " + TABLE + " t WHERE symbol LIKE ? AND symbol <> ?"
                + " AND tableoid::regclass::text <> ? || to_char(traded_at AT TIME ZONE 'UTC', '\"_p\"YYYY\"_\"MM')", tag + "%", tag + "-1990", TABLE));
        DB.execute("DELETE FROM " + TABLE + " WHERE symbol LIKE '" + tag + "%'");
    }

    @Test
    void theArchiverMovesWholeMonthsOutAndTheirRowsReadBack() {
        String tag = "M" + UUID.randomUUID().toString().substring(0, 6);
        pastMonths(3);
        YearMonth old = YearMonth.now(ZoneOffset.UTC).minusMonths(3);
        DB.execute("INSERT INTO " + TABLE + " (symbol, traded_at) VALUES ('" + tag + "-old', now() - interval '3 months'),"
                + " ('" + tag + "-1990', '1990-03-01T00:00:00Z'), ('" + tag + "-new', now())");
        long oldId = DB.count("SELECT id FROM " + TABLE + " WHERE symbol = ?", tag + "-old");
        long changesBefore = DB.count("SELECT coalesce(max(id), 0) FROM row_changes");

        JsonPath runs = asAdmin().post("/api/v1/archive/run").then().statusCode(200).extract().jsonPath();
        int run = runs.getList("table").indexOf(TABLE);
        assertEquals("COMPLETED", runs.getString("[" + run + "].status"), runs.prettify());

        assertFalse(partitionNames().contains(Partitions.name(TABLE, old)), "the old month left as its partition");
        assertEquals(List.of(tag + "-new"), DB.strings("SELECT symbol FROM " + TABLE + " WHERE symbol LIKE ?", tag + "%"));
        assertEquals(1, DB.count("SELECT count(*) FROM row_changes WHERE table_name = ? AND row_key = jsonb_build_object('id', ?::bigint)"
                + " AND id > ?", TABLE, oldId, changesBefore), "the next delta learns the row left");
        String csv = asAdmin().get("/api/v1/archive/runs/{id}/rows", runs.getLong("[" + run + "].id")).then().statusCode(200).extract().asString();
        assertTrue(csv.contains(tag + "-old,") && csv.contains(tag + "-1990,"), csv);
        assertFalse(csv.contains(tag + "-new"), csv);
        DB.execute("DELETE FROM " + TABLE + " WHERE symbol LIKE '" + tag + "%'");
    }

    @Test
    void aMonthWithARowChangedAfterTheArchiveReadStaysAttachedAndOnlyItsUnchangedRowsLeave() {
        String tag = "C" + UUID.randomUUID().toString().substring(0, 6);
        pastMonths(4);
        YearMonth old = YearMonth.now(ZoneOffset.UTC).minusMonths(4);
        DB.execute("INSERT INTO " + TABLE + " (symbol, traded_at) VALUES ('" + tag + "-a', now() - interval '4 months'),"
                + " ('" + tag + "-b', now() - interval '4 months')");
        String before = Instant.now().minus(30, ChronoUnit.DAYS).toString();
        String snapshot = archive().queryParam("before", before).get("/api/v1/backup/archive").then().statusCode(200)
                .extract().header("X-Backup-Snapshot");
        DB.execute("UPDATE " + TABLE + " SET symbol = '" + tag + "-b2' WHERE symbol = '" + tag + "-b'");
        archive().queryParam("before", before).queryParam("snapshot", snapshot).delete("/api/v1/backup/archive").then().statusCode(200);

        assertTrue(partitionNames().contains(Partitions.name(TABLE, old)), "the month stays attached");
        assertEquals(List.of(tag + "-b2"), DB.strings("SELECT symbol FROM " + TABLE + " WHERE symbol LIKE ?", tag + "%"));
        DB.execute("DELETE FROM " + TABLE + " WHERE symbol LIKE '" + tag + "%'");
    }

    /** The months back to {@code months} ago get their partition, as months with rows do when a table is partitioned. */
    private static void pastMonths(int months) {
        DB.as(ROLE).execute("SELECT finagent_create_month_partitions('" + TABLE + "', now() - interval '" + months + " months', now())");
    }

    private static List<String> partitionNames() {
        JsonPath tables = asAdmin().get("/api/v1/admin/partitions").then().statusCode(200).extract().jsonPath();
        int index = tables.getList("table").indexOf(TABLE);
        return tables.getList("[" + index + "].partitions.name");
    }

    private static RequestSpecification archive() {
        return asAdmin().queryParam("table", TABLE).queryParam("column", "traded_at");
    }

    private static RequestSpecification asAdmin() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin("ops")));
    }
}
