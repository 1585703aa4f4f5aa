package io.finagent.memory;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** The index is a copy of PostgreSQL: what is only in the database is recallable after a rebuild. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RecallIndexRebuildTest {

    private static final String QUERY = "{\"marketContext\": {\"features\": {\"rsi_14\": 12, \"volume_ratio\": 3.5}}, \"k\": 1%s}";
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "ida-" + UUID.randomUUID();

    @Test
    void aRebuildReadsWhatIsOnlyInPostgres() {
        long recorded = Decisions.record(user, "SPY"); // through the API: indexed at once
        db.execute("""
                INSERT INTO decision_history (user_id, strategy_id, symbol, decision_type, confidence, market_context, decided_at)
                VALUES ('%s', 1, 'SPY', 'SELL', 0.5, '{"features": {"rsi_14": 12, "volume_ratio": 3.5}}', now() - interval '1 hour')
                """.formatted(user));
        long restored = db.count("SELECT max(id) FROM decision_history WHERE user_id = ?", user);

        recall("").body("search", equalTo("approximate")).body("decisions.decision.id", contains((int) recorded));

        given().header("Authorization", Tokens.bearer(Tokens.admin("ops"))).when().post("/api/v1/admin/recall-index/rebuild")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Tokens.bearer(Tokens.admin("ops")))
                .when().get("/api/v1/admin/recall-index").then().statusCode(200)
                .body("state", equalTo("ready")).body("decisions", greaterThanOrEqualTo(2)));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'recall-index' }.data.state", equalTo("ready"));

        recall("").body("search", equalTo("approximate")).body("decisions.decision.id", contains((int) restored));
        recall(", \"exact\": true").body("search", equalTo("exact")).body("decisions.decision.id", contains((int) restored));
    }

    @Test
    void onlyAnAdminRebuilds() {
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).when().post("/api/v1/admin/recall-index/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private ValidatableResponse recall(String extra) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json")
                .body(QUERY.formatted(extra)).when().post("/api/v1/recall").then().statusCode(200);
    }
}
