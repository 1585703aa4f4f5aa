package io.finagent.memory;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Working memory's Redis is a closed port (the shared test Redis stays up for the other classes):
 * the session calls answer 503, a decision is still recorded, and the replica stays ready.
 */
@QuarkusTest
@TestProfile(WorkingMemoryOutageTest.RedisDown.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class WorkingMemoryOutageTest {

    /** quarkus.redis.hosts itself: the test resource sets finagent.redis.url to the run's Redis. */
    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    private static final String PROBLEM = "application/problem+json";
    private final String user = "kim-" + UUID.randomUUID();
    private final String session = "s-" + UUID.randomUUID();

    @Test
    void theSessionCallsAnswer503() {
        as().contentType("application/json").body("{\"type\": \"tick\", \"payload\": {}}")
                .when().post("/api/v1/sessions/" + session + "/events")
                .then().statusCode(503).contentType(PROBLEM).body("type", endsWith("/unavailable")).body("status", equalTo(503));
        as().when().get("/api/v1/sessions/" + session + "/context")
                .then().statusCode(503).contentType(PROBLEM).body("detail", containsString("working memory"));
    }

    @Test
    void theContextOfASessionIs503NotAnEmptyWorkingMemory() {
        as().when().get("/api/v1/context?sessionId=" + session).then().statusCode(503).contentType(PROBLEM);
        as().when().get("/api/v1/context").then().statusCode(200);
    }

    @Test
    void aDecisionWithASessionIsStillRecorded() {
        String body = Decisions.body("AAPL", "BUY", "0.72").replace("\"horizonMinutes\": 60", "\"horizonMinutes\": 60, \"sessionId\": \"" + session + "\"");
        long id = Decisions.post(user, body).statusCode(201).extract().jsonPath().getLong("id");
        as().when().get("/api/v1/decisions/" + id).then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("finagent_working_memory_decisions_lost_total"));
    }

    @Test
    void theReplicaStaysReadyAndSaysRedisIsDown() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'working-memory' }.data.redis", containsString("down"))
                .body("checks.name", hasItem("working-memory"));
    }

    private RequestSpecification as() {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user)));
    }
}
