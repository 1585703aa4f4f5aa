package io.finagent.memory;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Patterns relevant to a market, and the assembled context for the agent's next prompt. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgentContextTest {

    private static final String PROBLEM = "application/problem+json";
    private final String user = "cora-" + UUID.randomUUID();

    @Test
    void relevantPatternsAreRankedByConfidenceTimesSimilarity() {
        long overbought = pattern("{\"features\": {\"rsi_14\": 70}}", 8, 10);
        long oversold = pattern("{\"features\": {\"rsi_14\": 30}}", 8, 10);
        long anyMarket = pattern("{\"rule\": \"buy the open\"}", 2, 2);
        var found = as(user).body("{\"marketContext\": {\"features\": {\"rsi_14\": 70}}}")
                .when().post("/api/v1/patterns/relevant").then().statusCode(200)
                // 8/10 -> Wilson 0.4902 · 1; 2/2 -> 0.3424 · 1; 8/10 · 1/(1 + |2 - (-2)|) = 0.0980
                .body("patterns.pattern.id", contains((int) overbought, (int) anyMarket, (int) oversold))
                .extract().jsonPath();
        assertEquals(0.4902, found.getDouble("patterns[0].relevance"), 1e-4);
        assertEquals(0.2, found.getDouble("patterns[2].similarity"), 1e-9);
        as("stranger-" + UUID.randomUUID()).body("{\"marketContext\": {\"features\": {\"rsi_14\": 70}}}")
                .when().post("/api/v1/patterns/relevant").then().statusCode(200).body("patterns.size()", equalTo(0));
    }

    @Test
    void theContextHoldsEverySectionWithinItsBudget() {
        String session = "s-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            as(user).body("{\"type\": \"tick\", \"payload\": {\"price\": " + (100 + i) + "}}")
                    .when().post("/api/v1/sessions/" + session + "/events").then().statusCode(201);
        }
        long decision = Decisions.post(user, """
                {"strategyId": 4, "symbol": "SPY", "decisionType": "BUY", "confidence": 0.7, "sessionId": "%s",
                 "marketContext": {"features": {"rsi_14": 68, "ret_5d": 0.02}}}""".formatted(session))
                .statusCode(201).extract().jsonPath().getLong("id");
        long pattern = pattern("{\"features\": {\"rsi_14\": 70}}", 1, 1);
        as(user).body("""
                {"symbol": "SPY", "startedAt": "%s", "endedAt": "%s", "entry": {"price": 500}, "result": 0.01,
                 "features": {"rsi_14": 69, "ret_5d": 0.02}}""".formatted(Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600)))
                .when().post("/api/v1/episodes").then().statusCode(201);

        context("feature=rsi_14:70&feature=ret_5d:0.02&symbol=spy&sessionId=" + session).statusCode(200)
                .body("decisions.decision.id", contains((int) decision))
                .body("patterns.pattern.id", contains((int) pattern))
                .body("episodes.size()", equalTo(1))
                .body("workingMemory.type", contains("decision", "tick", "tick", "tick")) // newest first
                .body("usedChars", lessThanOrEqualTo(8000)).body("usedChars", greaterThan(0))
                .body("omitted.decisions", equalTo(0));

        // a budget too small for everything: the best items of each section first, the rest counted
        var small = context("feature=rsi_14:70&feature=ret_5d:0.02&symbol=spy&budget=500&sessionId=" + session).statusCode(200)
                .body("usedChars", lessThanOrEqualTo(500)).body("workingMemory.size()", greaterThan(0))
                .extract().jsonPath();
        assertEquals(1, small.getInt("decisions.size()") + small.getInt("omitted.decisions"));
        assertEquals(1, small.getInt("patterns.size()") + small.getInt("omitted.patterns"));
        assertEquals(4, small.getInt("workingMemory.size()") + small.getInt("omitted.workingMemory"));
        assertTrue(small.getInt("omitted.decisions") + small.getInt("omitted.episodes") + small.getInt("omitted.workingMemory") > 0,
                "something did not fit in 500 characters");

        // without features nothing is recalled: the best-proven patterns and the working memory
        context("sessionId=" + session).statusCode(200).body("decisions.size()", equalTo(0))
                .body("patterns.pattern.id", contains((int) pattern)).body("workingMemory.size()", equalTo(4));
    }

    @Test
    void badParametersAre400() {
        context("feature=rsi_14").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("feature"));
        context("feature=rsi_14:high").statusCode(400).body("errors.field", hasItem("feature"));
        context("budget=10").statusCode(400).body("errors.field", hasItem("budget"));
        context("k=0").statusCode(400).body("errors.field", hasItem("k"));
        as(user).body("{\"marketContext\": {\"features\": {}}}").when().post("/api/v1/patterns/relevant").then()
                .statusCode(400).body("errors.field", hasItem("marketContext.features"));
    }

    private long pattern(String data, int successes, int occurrences) {
        long id = as(user).body("{\"patternType\": \"rsi\", \"patternName\": \"p-" + UUID.randomUUID() + "\", \"patternData\": " + data + "}")
                .when().post("/api/v1/patterns").then().statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 0; i < occurrences; i++) {
            as(user).body("{\"outcome\": " + (i < successes ? "0.01" : "-0.01") + "}")
                    .when().post("/api/v1/patterns/" + id + "/observations").then().statusCode(200);
        }
        return id;
    }

    private ValidatableResponse context(String query) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).when().get("/api/v1/context?" + query).then();
    }

    private static RequestSpecification as(String who) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who))).contentType("application/json");
    }
}
