package io.finagent.backup;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's DataArchiver: old rows leave the hot table for a sealed archive and read back from it; recent rows stay. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BackupTestSettings.class, scope = TestResourceScope.GLOBAL)
class ArchiverTest {

    private static final TestDatabase DB = new TestDatabase("finagent_backup_test");

    @Test
    void rowsOlderThanTheRuleMoveIntoAnArchiveAndReadBack() {
        String tag = "A" + UUID.randomUUID().toString().substring(0, 6);
        DB.execute("INSERT INTO sample_trades (symbol, quantity, traded_at) VALUES ('" + tag + "-old1', 1, now() - interval '40 days'),"
                + " ('" + tag + "-old2', 2.5, now() - interval '31 days'), ('" + tag + "-new', 3, now() - interval '29 days')");

        JsonPath runs = asAdmin().post("/api/v1/archive/run").then().statusCode(200).extract().jsonPath();
        assertEquals("sample_trades", runs.getString("[0].table"));
        assertEquals("COMPLETED", runs.getString("[0].status"), runs.prettify());
        assertTrue(runs.getLong("[0].rowsArchived") >= 2);

        assertEquals(List.of(tag + "-new"), DB.strings("SELECT symbol FROM sample_trades WHERE symbol LIKE ? ORDER BY symbol", tag + "%"));
        String csv = asAdmin().get("/api/v1/archive/runs/{id}/rows", runs.getLong("[0].id")).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertTrue(csv.startsWith("id,symbol,quantity,traded_at"), csv);
        assertTrue(csv.contains(tag + "-old1,1.00000000,") && csv.contains(tag + "-old2,2.50000000,"), csv);
        assertFalse(csv.contains(tag + "-new"), "a recent row is not archived");
        asAdmin().get("/api/v1/archive/runs").then().statusCode(200).body("id", hasItem(runs.getInt("[0].id")));
    }

    @Test
    void aRowChangedAfterTheArchiveReadStaysForTheNextRun() {
        String tag = "B" + UUID.randomUUID().toString().substring(0, 6);
        DB.execute("INSERT INTO sample_trades (symbol, quantity, traded_at) VALUES ('" + tag + "-a', 1, now() - interval '60 days'),"
                + " ('" + tag + "-b', 1, now() - interval '60 days')");
        String before = Instant.now().minus(30, ChronoUnit.DAYS).toString();
        String snapshot = asAdmin().queryParam("table", "sample_trades").queryParam("column", "traded_at").queryParam("before", before)
                .get("/api/v1/backup/archive").then().statusCode(200).extract().header("X-Backup-Snapshot");
        DB.execute("UPDATE sample_trades SET quantity = 9 WHERE symbol = '" + tag + "-b'");
        asAdmin().queryParam("table", "sample_trades").queryParam("column", "traded_at").queryParam("before", before)
                .queryParam("snapshot", snapshot).delete("/api/v1/backup/archive").then().statusCode(200);
        assertEquals(List.of(tag + "-b"), DB.strings("SELECT symbol FROM sample_trades WHERE symbol LIKE ?", tag + "%"));
        DB.execute("DELETE FROM sample_trades WHERE symbol LIKE '" + tag + "%'");
    }

    @Test
    void aRunWhoseRemovalFailsKeepsItsArchiveOnRecordSoTheRowsReadBackWhateverLeftTheTable() {
        String tag = "F" + UUID.randomUUID().toString().substring(0, 6);
        DB.execute("INSERT INTO sample_trades (symbol, quantity, traded_at) VALUES ('" + tag + "-old', 4, now() - interval '45 days')");
        DB.execute("CREATE FUNCTION archiver_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN RAISE EXCEPTION 'removal refused by the test'; END $$");
        DB.execute("CREATE TRIGGER archiver_test_refuse BEFORE DELETE ON sample_trades FOR EACH ROW"
                + " WHEN (OLD.symbol LIKE '" + tag + "%') EXECUTE FUNCTION archiver_test_refuse()");
        try {
            JsonPath runs = asAdmin().post("/api/v1/archive/run").then().statusCode(200).extract().jsonPath();
            assertEquals("FAILED", runs.getString("[0].status"), runs.prettify());
            assertTrue(runs.getString("[0].errorMessage").contains("any row that left the table is in "), runs.prettify());
            assertEquals(List.of(tag + "-old"), DB.strings("SELECT symbol FROM sample_trades WHERE symbol LIKE ?", tag + "%"));

            String csv = asAdmin().get("/api/v1/archive/runs/{id}/rows", runs.getLong("[0].id")).then().statusCode(200)
                    .extract().asString();
            assertTrue(csv.contains(tag + "-old,4.00000000,"), csv);
        } finally {
            DB.execute("DROP TRIGGER IF EXISTS archiver_test_refuse ON sample_trades");
            DB.execute("DROP FUNCTION IF EXISTS archiver_test_refuse()");
            DB.execute("DELETE FROM sample_trades WHERE symbol LIKE '" + tag + "%'");
        }
    }

    @Test
    void aiMemoryAndTransactionsAreNeverArchivedAndBadParametersAre400sNamingThem() {
        asAdmin().queryParam("table", "ai_memory").queryParam("column", "created_at").queryParam("before", "2026-01-01T00:00:00Z")
                .get("/api/v1/backup/archive").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("table")).body("detail", equalTo("table: ai_memory is never archived"));
        asAdmin().queryParam("table", "transactions").queryParam("column", "created_at").queryParam("before", "2026-01-01T00:00:00Z")
                .delete("/api/v1/backup/archive").then().statusCode(400).body("errors.field", hasItem("table"));
        asAdmin().queryParam("table", "sample_trades").queryParam("column", "symbol").queryParam("before", "2026-01-01T00:00:00Z")
                .get("/api/v1/backup/archive").then().statusCode(400).body("errors.field", hasItem("column"));
        asAdmin().queryParam("table", "sample_trades").queryParam("column", "traded_at").queryParam("before", "last month")
                .get("/api/v1/backup/archive").then().statusCode(400).body("errors.field", hasItem("before"));
        given().header("Authorization", Tokens.bearer(Tokens.agent("quant"))).post("/api/v1/archive/run").then().statusCode(403);
        asAdmin().get("/api/v1/archive/runs/987654321/rows").then().statusCode(404);
    }

    private static RequestSpecification asAdmin() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin("ops")));
    }
}
