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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RecallTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String QUERY = "{\"rsi_14\": 70, \"ret_5d\": 0.05, \"volatility_20d\": 0.2}";
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "quinn-" + UUID.randomUUID();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Instant asOf = now.minus(1, ChronoUnit.HOURS);

    @Test
    void plantedNeighboursComeFirstAndNothingAfterAsOfIsSeen() {
        long near = decision(70, 0.05, 0.2, hoursAgo(10));
        long close = decision(69, 0.045, 0.21, hoursAgo(9));
        long middle = decision(50, 0.0, 0.3, hoursAgo(8));
        long far = decision(30, -0.05, 0.4, hoursAgo(7));
        long future = decision(70, 0.05, 0.2, hoursAgo(0.5)); // identical, but decided after asOf
        outcome(near, "0.03", hoursAgo(5));       // known by asOf
        outcome(middle, "-0.01", hoursAgo(5));    // known by asOf
        outcome(close, "0.50", hoursAgo(0.5));    // measured after asOf: must stay hidden

        recall(user, 2).statusCode(200).body("decisions.decision.id", contains((int) near, (int) close))
                .body("decisions[0].decision.outcome", equalTo(0.03f))
                .body("decisions[1].decision.outcome", nullValue());

        var all = recall(user, 10).statusCode(200)
                .body("decisions.decision.id", contains((int) near, (int) close, (int) middle, (int) far))
                .body("statistics.recalled", equalTo(4))
                .body("statistics.withOutcome", equalTo(2))
                .extract().jsonPath();
        assertEquals(0.5, all.getDouble("statistics.winRate"), 1e-9);
        assertEquals(0.01, all.getDouble("statistics.meanOutcome"), 1e-9);
        assertEquals(0.01, all.getDouble("statistics.medianOutcome"), 1e-9);
        // mean ± 1.96·s/√n with s = 0.0282842712, n = 2: ± 0.0392
        assertEquals(-0.0292, all.getDouble("statistics.meanLow95"), 1e-9);
        assertEquals(0.0492, all.getDouble("statistics.meanHigh95"), 1e-9);
        // accesses are written within a second, apart from the recall
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(2, db.count("SELECT access_count FROM decision_history WHERE id = ?", near), "recalled twice");
            assertEquals(1, db.count("SELECT access_count FROM decision_history WHERE id = ?", far), "recalled once");
            assertEquals(1, db.count("SELECT count(*) FROM decision_history WHERE id = ? AND last_accessed IS NOT NULL", far));
        });
        assertEquals(0, db.count("SELECT access_count FROM decision_history WHERE id = ?", future));
    }

    @Test
    void anotherUsersDecisionsAreNeverRecalled() {
        decision(70, 0.05, 0.2, hoursAgo(3));
        recall("rita-" + UUID.randomUUID(), 10).statusCode(200).body("decisions.size()", equalTo(0))
                .body("statistics.withOutcome", equalTo(0));
    }

    @Test
    void badInputIs400() {
        post(user, "{\"marketContext\": {\"features\": {}}}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("marketContext.features"));
        post(user, "{\"marketContext\": {\"features\": {\"rsi_14\": NaN}}}").statusCode(400).contentType(PROBLEM);
        post(user, "{\"marketContext\": {\"features\": " + QUERY + "}, \"k\": 0}").statusCode(400)
                .body("errors.field", hasItem("k"));
        post(user, "{}").statusCode(400).body("errors.field", hasItem("marketContext"));
    }

    private Instant hoursAgo(double hours) {
        return now.minusSeconds((long) (hours * 3600));
    }

    private long decision(double rsi, double ret, double vol, Instant decidedAt) {
        String body = """
                {"strategyId": 5, "symbol": "SPY", "decisionType": "BUY", "confidence": 0.6, "decidedAt": "%s",
                 "marketContext": {"features": {"rsi_14": %s, "ret_5d": %s, "volatility_20d": %s}}}"""
                .formatted(decidedAt, rsi, ret, vol);
        return Decisions.post(user, body).statusCode(201).extract().jsonPath().getLong("id");
    }

    private void outcome(long id, String outcome, Instant measuredAt) {
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json")
                .body("{\"outcome\": " + outcome + ", \"measuredAt\": \"" + measuredAt + "\"}")
                .when().put("/api/v1/decisions/" + id + "/outcome").then().statusCode(200);
    }

    private ValidatableResponse recall(String who, int k) {
        return post(who, "{\"marketContext\": {\"features\": " + QUERY + "}, \"symbol\": \"spy\", \"k\": " + k
                + ", \"asOf\": \"" + asOf + "\"}");
    }

    private ValidatableResponse post(String who, String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who))).contentType("application/json").body(body)
                .when().post("/api/v1/recall").then();
    }
}
