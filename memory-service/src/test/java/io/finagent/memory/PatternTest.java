package io.finagent.memory;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PatternTest {

    private static final String PROBLEM = "application/problem+json";
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "mia-" + UUID.randomUUID();

    @Test
    void patternRoundTripsOncePerIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        long id = create(user, key, "breakout", "AAPL").statusCode(201).header("Idempotent-Replayed", "false")
                .extract().jsonPath().getLong("id");
        create(user, key, "breakout", "AAPL").statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/patterns/" + id)).body("id", equalTo((int) id));
        get(user, "/api/v1/patterns/" + id).statusCode(200)
                .body("patternType", equalTo("BREAKOUT")).body("symbol", equalTo("AAPL"))
                .body("patternData.lookback", equalTo(20)).body("occurrences", equalTo(0));
        assertEquals(1, db.count("SELECT count(*) FROM pattern_recognition WHERE user_id = ?", user));
    }

    @Test
    void twoOfTwoRanksBelowSeventyOfOneHundred() {
        long lucky = created(user, null);
        long steady = created(user, null);
        for (int i = 0; i < 2; i++) {
            observe(user, lucky, "0.01").statusCode(200);
        }
        for (int i = 0; i < 100; i++) {
            observe(user, steady, i < 70 ? "0.01" : "-0.01").statusCode(200);
        }
        var luckyRow = get(user, "/api/v1/patterns/" + lucky).statusCode(200).body("successRate", equalTo(1.0f)).extract().jsonPath();
        var steadyRow = get(user, "/api/v1/patterns/" + steady).statusCode(200)
                .body("occurrences", equalTo(100)).body("successes", equalTo(70)).body("failures", equalTo(30))
                .body("successRate", equalTo(0.7f)).extract().jsonPath();
        // Wilson 95% lower bounds, worked by hand: 2/2 -> 0.34237, 70/100 -> 0.60415
        assertEquals(0.34237, luckyRow.getDouble("confidence"), 1e-4);
        assertEquals(0.60415, steadyRow.getDouble("confidence"), 1e-4);
        get(user, "/api/v1/patterns").statusCode(200).body("items.id", contains((int) steady, (int) lucky));
    }

    @Test
    void anotherUsersPatternIs404AndUntouched() {
        long id = created(user, null);
        String other = "noah-" + UUID.randomUUID();
        get(other, "/api/v1/patterns/" + id).statusCode(404).contentType(PROBLEM);
        observe(other, id, "0.02").statusCode(404).contentType(PROBLEM);
        assertEquals(0, db.count("SELECT occurrences FROM pattern_recognition WHERE id = ?", id));
    }

    @Test
    void badInputIs400AndStoresNothing() {
        post(user, null, "{\"patternType\": \"breakout\", \"patternData\": {}}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("patternName"));
        post(user, null, "{\"patternType\": \"has space\", \"patternName\": \"x\", \"patternData\": {}}").statusCode(400)
                .body("errors.field", hasItem("patternType"));
        assertEquals(0, db.count("SELECT count(*) FROM pattern_recognition WHERE user_id = ?", user));
        long id = created(user, null);
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json").body("{}")
                .when().post("/api/v1/patterns/" + id + "/observations").then().statusCode(400).body("errors.field", hasItem("outcome"));
    }

    private long created(String who, String key) {
        return create(who, key, "breakout", "AAPL").statusCode(201).extract().jsonPath().getLong("id");
    }

    private ValidatableResponse create(String who, String key, String type, String symbol) {
        return post(who, key, """
                {"patternType": "%s", "patternName": "20-day range breakout", "symbol": "%s",
                 "patternData": {"lookback": 20, "volumeRatioMin": 1.5}}""".formatted(type, symbol));
    }

    private ValidatableResponse post(String who, String key, String body) {
        var request = given().header("Authorization", Tokens.bearer(Tokens.agent(who))).contentType("application/json").body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/patterns").then();
    }

    private ValidatableResponse observe(String who, long id, String outcome) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who))).contentType("application/json")
                .body("{\"outcome\": " + outcome + "}").when().post("/api/v1/patterns/" + id + "/observations").then();
    }

    private ValidatableResponse get(String who, String path) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who))).when().get(path).then();
    }
}
