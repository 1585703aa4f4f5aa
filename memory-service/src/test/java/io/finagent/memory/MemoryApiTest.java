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
class MemoryApiTest {

    private static final String PROBLEM = "application/problem+json";
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "olga-" + UUID.randomUUID();

    @Test
    void memoryRoundTrips() {
        long id = create(user, "OBSERVATION", "0.8").statusCode(201).extract().jsonPath().getLong("id");
        get(user, "/api/v1/memories/" + id).statusCode(200)
                .body("memoryType", equalTo("OBSERVATION")).body("content.text", equalTo("volume leads price"))
                .body("relevanceScore", equalTo(0.8f)).body("accessCount", equalTo(0));
    }

    @Test
    void relevanceDecaysFromWhenItWasLearned() {
        // learned three half-lives (30 days each) ago: 1 decays to 0.125, below the fresh 0.5
        String learnedAt = Instant.now().truncatedTo(ChronoUnit.MICROS).minus(90, ChronoUnit.DAYS).toString();
        long old = create(user, "FEEDBACK", "1, \"learnedAt\": \"" + learnedAt + "\"").statusCode(201)
                .body("learnedAt", equalTo(learnedAt)).extract().jsonPath().getLong("id");
        long fresh = create(user, "FEEDBACK", "0.5").statusCode(201).extract().jsonPath().getLong("id");
        var page = get(user, "/api/v1/memories?memoryType=FEEDBACK").statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains((int) fresh, (int) old)).extract().jsonPath();
        assertEquals(0.125, page.getDouble("items[1].currentRelevance"), 1e-3);
        // as of the day it was learned, it was all there was, at full relevance
        get(user, "/api/v1/memories?memoryType=FEEDBACK&asOf=" + learnedAt).statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains((int) old)).body("items[0].currentRelevance", equalTo(1.0f));
        // an instant that does not parse is refused naming the parameter (the platform's EdgeInstants)
        get(user, "/api/v1/memories?asOf=yesterday").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void anotherUsersMemoryIs404() {
        long id = create(user, "OBSERVATION", "0.8").statusCode(201).extract().jsonPath().getLong("id");
        get("pete-" + UUID.randomUUID(), "/api/v1/memories/" + id).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badInputIs400AndStoresNothing() {
        create(user, "DREAM", "0.5").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("memoryType"));
        create(user, "OBSERVATION", "1.5").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("relevanceScore"));
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json")
                .body("{\"memoryType\": \"OBSERVATION\"}").when().post("/api/v1/memories")
                .then().statusCode(400).body("errors.field", hasItem("content"));
        assertEquals(0, db.count("SELECT count(*) FROM ai_memory WHERE user_id = ?", user));
    }

    private ValidatableResponse create(String who, String type, String relevance) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who))).contentType("application/json")
                .body("""
                        {"memoryType": "%s", "content": {"text": "volume leads price"}, "summary": "volume first",
                         "relevanceScore": %s}""".formatted(type, relevance))
                .when().post("/api/v1/memories").then();
    }

    private ValidatableResponse get(String who, String path) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who))).when().get(path).then();
    }
}
