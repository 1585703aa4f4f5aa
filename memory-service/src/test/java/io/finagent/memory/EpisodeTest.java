package io.finagent.memory;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EpisodeTest {

    private static final String PROBLEM = "application/problem+json";
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "sam-" + UUID.randomUUID();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void episodeRoundTrips() {
        long id = episode(60, 0.02, now.minus(3, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS), "0.04");
        get(user, "/api/v1/episodes/" + id).statusCode(200)
                .body("symbol", equalTo("QQQ")).body("steps.size()", equalTo(2)).body("steps[1].action", equalTo("trail stop"))
                .body("exit.reason", equalTo("target")).body("result", equalTo(0.04f)).body("features.rsi_14", equalTo(60.0f));
        get("tom-" + UUID.randomUUID(), "/api/v1/episodes/" + id).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void similarFinishedEpisodesComeFirstWithoutLookAhead() {
        Instant asOf = now.minus(1, ChronoUnit.DAYS);
        long near = episode(70, 0.05, now.minus(5, ChronoUnit.DAYS), now.minus(4, ChronoUnit.DAYS), "0.03");
        long far = episode(30, -0.04, now.minus(5, ChronoUnit.DAYS), now.minus(4, ChronoUnit.DAYS), "-0.02");
        long endedLater = episode(70, 0.05, now.minus(3, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS), "0.09");
        episode(70, 0.05, now.minus(2, ChronoUnit.DAYS), null, null); // still open: no result to learn from
        var found = similar("{\"features\": {\"rsi_14\": 70, \"ret_5d\": 0.05}, \"k\": 5, \"asOf\": \"" + asOf + "\"}")
                .statusCode(200).body("episodes.episode.id", contains((int) near, (int) far))
                .body("statistics.withOutcome", equalTo(2)).extract().jsonPath();
        assertEquals(0.005, found.getDouble("statistics.meanOutcome"), 1e-9);
        similar("{\"features\": {\"rsi_14\": 70, \"ret_5d\": 0.05}, \"k\": 1}").statusCode(200)
                .body("episodes.episode.id", contains((int) endedLater));
    }

    @Test
    void badInputIs400AndStoresNothing() {
        post("{\"symbol\": \"QQQ\", \"startedAt\": \"" + now + "\", \"entry\": {}, \"features\": {}}").statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("features"));
        post("{\"symbol\": \"QQQ\", \"startedAt\": \"" + now + "\", \"endedAt\": \"" + now.minusSeconds(60)
                + "\", \"entry\": {}, \"features\": {\"rsi_14\": 50}}").statusCode(400).body("errors.field", hasItem("endedAt"));
        post("{\"startedAt\": \"" + now + "\", \"entry\": {}, \"features\": {\"rsi_14\": 50}}").statusCode(400)
                .body("errors.field", hasItem("symbol"));
        assertEquals(0, db.count("SELECT count(*) FROM episodes WHERE user_id = ?", user));
        similar("{\"features\": {}}").statusCode(400).body("errors.field", hasItem("features"));
    }

    private long episode(double rsi, double ret, Instant start, Instant end, String result) {
        String body = """
                {"symbol": "qqq", "strategyId": 3, "startedAt": "%s", "endedAt": %s,
                 "entry": {"price": 400.5, "size": 10},
                 "steps": [{"action": "scale in"}, {"action": "trail stop"}],
                 "exit": {"reason": "target"}, "result": %s,
                 "features": {"rsi_14": %s, "ret_5d": %s}}"""
                .formatted(start, end == null ? "null" : "\"" + end + "\"", result == null ? "null" : result, rsi, ret);
        return post(body).statusCode(201).extract().jsonPath().getLong("id");
    }

    private ValidatableResponse post(String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json").body(body)
                .when().post("/api/v1/episodes").then();
    }

    private ValidatableResponse similar(String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json").body(body)
                .when().post("/api/v1/episodes/similar").then();
    }

    private ValidatableResponse get(String who, String path) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who))).when().get(path).then();
    }
}
