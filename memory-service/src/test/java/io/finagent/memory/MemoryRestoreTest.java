package io.finagent.memory;

import io.finagent.platform.contracts.ExportBodies;
import io.finagent.platform.testing.ChunkedBodies;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin-only import backup-service restores through: a full export plus a delta bring back exactly the delta's state. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class MemoryRestoreTest {

    private static final String EXPORT = "/api/v1/backup/export";
    private static final String IMPORT = "/api/v1/backup/import";
    private static final List<String> TABLES = List.of("ai_memory", "decision_history", "episodes", "pattern_recognition");

    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "rosa-" + UUID.randomUUID();

    @Test
    void aFullPlusADeltaRestoresTheDeltasStateDeletionsIncludedAndIdsMoveOn() throws Exception {
        long updated = Decisions.record(user, "AAPL");
        long deleted = Decisions.record(user, "MSFT");
        ExtractableResponse<Response> full = asAdmin().get(EXPORT).then().statusCode(200).extract();

        db.execute("UPDATE decision_history SET reasoning = 'revised' WHERE id = " + updated);
        db.execute("DELETE FROM decision_history WHERE id = " + deleted);
        long inserted = Decisions.record(user, "NVDA");
        String atDelta = state();
        byte[] delta = asAdmin().queryParam("since", full.header("X-Backup-Snapshot")).get(EXPORT).then().statusCode(200).extract().asByteArray();

        db.execute("TRUNCATE " + String.join(", ", TABLES));
        long afterwards = Decisions.record(user, "TSLA"); // not in the backup: the restore removes it
        var imported = ChunkedBodies.send("POST", IMPORT, Tokens.bearer(Tokens.admin("backup-admin")), "application/octet-stream",
                ExportBodies.chain(full.asByteArray(), delta));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(1, io.restassured.path.json.JsonPath.from(imported.body()).getInt("rows.'delta/decision_history.deleted.csv'"));

        assertEquals(atDelta, state());
        assertEquals(0, db.count("SELECT count(*) FROM decision_history WHERE id IN (?, ?)", deleted, afterwards));
        assertEquals(1, db.count("SELECT count(*) FROM decision_history WHERE id = ? AND reasoning = 'revised'", updated));
        assertTrue(Decisions.record(user, "AMZN") > Math.max(afterwards, inserted), "an id once handed out is not handed out again");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin().get("/api/v1/admin/recall-index").then()
                .body("state", org.hamcrest.Matchers.equalTo("ready"))
                .body("decisions", org.hamcrest.Matchers.equalTo((int) db.count("SELECT count(*) FROM decision_history"))));
    }

    @Test
    void aBadEntryOrACutOffBodyIsA400NamingItAndChangesNothing() throws Exception {
        Decisions.record(user, "AAPL");
        byte[] full = asAdmin().get(EXPORT).then().statusCode(200).extract().asByteArray();
        Decisions.record(user, "MSFT");
        String before = state();

        byte[] unknown = ExportBodies.single("full/orders.csv", "id\n1\n");
        asAdmin().contentType("application/octet-stream").body(unknown).post(IMPORT).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("full/orders.csv"));
        byte[] cutOff = java.util.Arrays.copyOf(ExportBodies.chain(full), ExportBodies.chain(full).length - 3);
        var refused = ChunkedBodies.send("POST", IMPORT, Tokens.bearer(Tokens.admin("backup-admin")), "application/octet-stream", cutOff);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        byte[] badCsv = ExportBodies.single("full/decision_history.csv", "id,symbol\nnot-a-number,AAPL\n");
        asAdmin().contentType("application/octet-stream").body(badCsv).post(IMPORT).then().statusCode(400)
                .body("errors.field", hasItem("full/decision_history.csv"));
        assertEquals(before, state());
        assertNotEquals(0, db.count("SELECT count(*) FROM decision_history"));
    }

    @Test
    void onlyAnAdminRestores() {
        given().contentType("application/octet-stream").body(new byte[0]).post(IMPORT).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/octet-stream")
                .body(new byte[0]).post(IMPORT).then().statusCode(403);
    }

    /** Every row of the four tables as PostgreSQL prints them, in id order. */
    private String state() {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            all.append(table).append(":\n").append(String.join("\n", db.strings("SELECT t::text FROM " + table + " t ORDER BY id"))).append('\n');
        }
        return all.toString();
    }

    private RequestSpecification asAdmin() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin("backup-admin")));
    }
}
