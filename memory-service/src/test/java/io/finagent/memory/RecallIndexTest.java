package io.finagent.memory;

import io.finagent.memory.index.DecisionIndex;
import io.finagent.memory.index.Neighbour;
import io.finagent.memory.service.FeatureSpace;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index is a copy of PostgreSQL that follows it: what another replica (or any writer)
 * commits is recallable here without a rebuild, what is removed leaves, and a row it cannot
 * index is skipped and reported without costing anyone else their recall.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RecallIndexTest {

    private static final String QUERY = "{\"marketContext\": {\"features\": {\"rsi_14\": 12, \"volume_ratio\": 3.5}}, \"k\": 1%s}";
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "ida-" + UUID.randomUUID();

    @Inject
    DecisionIndex index;

    @Inject
    FeatureSpace space;

    @Test
    void aDecisionAnotherWriterCommittedIsRecalledWithoutARebuild() {
        Decisions.record(user, "SPY"); // through the API: indexed at once
        long elsewhere = insert(user, "'{\"features\": {\"rsi_14\": 12, \"volume_ratio\": 3.5}}'", "now() - interval '1 hour'");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                recall("").body("search", equalTo("approximate")).body("decisions.decision.id", contains((int) elsewhere)));
        recall(", \"exact\": true").body("search", equalTo("exact")).body("decisions.decision.id", contains((int) elsewhere));
    }

    @Test
    void aRemovedDecisionLeavesTheIndex() {
        long removed = Decisions.record(user, "SPY");
        long kept = Decisions.record(user, "SPY");
        db.execute("DELETE FROM decision_history WHERE id = " + removed); // as the archiver does

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(List.of(kept), indexed(user)));
    }

    @Test
    void aRowItCannotIndexIsSkippedAndReportedAndEveryoneElsesRecallStaysApproximate() {
        String planter = "zed-" + UUID.randomUUID();
        long farFuture = insert(planter, "'{\"features\": {\"rsi_14\": 12}}'", "'infinity'");
        long notFinite = insert(planter, "'{\"features\": {\"rsi_14\": 1e400}}'", "now()");
        try {
            long mine = Decisions.record(user, "SPY");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get("/api/v1/admin/recall-index").then()
                    .body("skippedDecisions.id", hasItems((int) farFuture, (int) notFinite)));

            admin().post("/api/v1/admin/recall-index/rebuild").then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> admin().get("/api/v1/admin/recall-index").then()
                    .statusCode(200).body("state", equalTo("ready"))
                    .body("skippedDecisions.id", hasItems((int) farFuture, (int) notFinite)));
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'recall-index' }.data.state", equalTo("ready"));
            recall("").body("search", equalTo("approximate")).body("decisions.decision.id", contains((int) mine));
        } finally {
            db.execute("DELETE FROM decision_history WHERE user_id = '" + planter + "'");
        }
    }

    @Test
    void theSegmentsABurstOfDecisionsLeavesAreMergedIntoOneOnceTheIndexIsIdle() {
        List<Long> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(Decisions.record(user, "SPY"));
            recall(""); // each recall makes the new decision searchable: a segment of its own
        }
        int afterBurst = admin().get("/api/v1/admin/recall-index").then().extract().path("segments");
        assertTrue(afterBurst > 1, "a burst leaves several segments: " + afterBurst);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin().get("/api/v1/admin/recall-index").then()
                .body("segments", equalTo(1)));
        assertEquals(burst, indexed(user));
    }

    @Test
    void onlyAnAdminRebuilds() {
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).when().post("/api/v1/admin/recall-index/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
    }

    /** A decision written straight into the table, as another replica or an old bug would. */
    private long insert(String who, String marketContext, String decidedAt) {
        db.execute("""
                INSERT INTO decision_history (user_id, strategy_id, symbol, decision_type, confidence, market_context, decided_at)
                VALUES ('%s', 1, 'SPY', 'SELL', 0.5, %s, %s)""".formatted(who, marketContext, decidedAt));
        return db.count("SELECT max(id) FROM decision_history WHERE user_id = ?", who);
    }

    private List<Long> indexed(String who) {
        return index.nearestExactly(who, null, null, Instant.now(), space.probe(Map.of("rsi_14", 50.0)), 100).stream()
                .map(Neighbour::id).sorted().toList();
    }

    private io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin("ops")));
    }

    private ValidatableResponse recall(String extra) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json")
                .body(QUERY.formatted(extra)).when().post("/api/v1/recall").then().statusCode(200);
    }
}
