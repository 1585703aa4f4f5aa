package io.finagent.memory;

import io.finagent.platform.contracts.ExportBodies;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin-only export backup-service reads: every table in one snapshot, then what changed and was deleted since. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class MemoryExportTest {

    private static final String EXPORT = "/api/v1/backup/export";

    private final String user = "ines-" + UUID.randomUUID();

    @Test
    void aFullExportThenADeltaCarriesTheChangedRowsAndTheDeletedKeys() throws IOException {
        long kept = Decisions.record(user, "AAPL");
        long doomed = Decisions.record(user, "MSFT");
        ExtractableResponse<Response> full = asAdmin().get(EXPORT).then().statusCode(200).extract();
        String snapshot = full.header("X-Backup-Snapshot");
        Map<String, String> entries = ExportBodies.entries(full.asByteArray());
        assertEquals(List.of("agent_contexts.csv", "ai_memory.csv", "decision_history.csv", "decision_idempotency_keys.csv", "episodes.csv",
                        "outcome_credits.csv", "pattern_recognition.csv"),
                List.copyOf(entries.keySet()));
        assertTrue(ids(entries.get("decision_history.csv")).containsAll(List.of(kept, doomed)));

        new TestDatabase("finagent_memory_test").execute("DELETE FROM decision_history WHERE id = " + doomed);
        long added = Decisions.record(user, "NVDA");
        Map<String, String> delta = ExportBodies.entries(asAdmin().queryParam("since", snapshot).get(EXPORT).then().statusCode(200).extract().asByteArray());

        List<Long> changed = ids(delta.get("decision_history.csv"));
        assertTrue(changed.contains(added));
        assertFalse(changed.contains(kept), "an unchanged row is not in a delta");
        assertEquals(List.of(doomed), ids(delta.get("decision_history.deleted.csv")));
        assertTrue(delta.containsKey("episodes.deleted.csv"));
    }

    @Test
    void onlyAnAdminExportsAndABadWatermarkIsA400NamingIt() {
        given().get(EXPORT).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).get(EXPORT).then().statusCode(403);
        asAdmin().queryParam("since", "yesterday").get(EXPORT).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("since"));
    }

    private io.restassured.specification.RequestSpecification asAdmin() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin("backup-admin")));
    }

    /** The first column of each CSV row after the header: the id. */
    private static List<Long> ids(String csv) {
        return csv.lines().skip(1).map(line -> Long.parseLong(line.substring(0, line.indexOf(',') < 0 ? line.length() : line.indexOf(','))))
                .toList();
    }
}
