package io.finagent.memory;

import io.finagent.platform.testing.RealInfrastructure;
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
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Runs with capacity 5 (test profile) so the bound is reached quickly. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class WorkingMemoryTest {

    private static final String PROBLEM = "application/problem+json";
    private final String user = "kim-" + UUID.randomUUID();
    private final String session = "s-" + UUID.randomUUID();

    @Test
    void evictsTheOldestAtItsBound() {
        for (int i = 1; i <= 7; i++) {
            post(user, "{\"type\": \"tick\", \"payload\": {\"n\": " + i + "}}").statusCode(201)
                    .header("Location", endsWith("/api/v1/sessions/" + session + "/context"));
        }
        context(user, 60).statusCode(200).body("count", equalTo(5)).body("events.payload.n", contains(3, 4, 5, 6, 7));
    }

    @Test
    void filtersByLookback() {
        Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS);
        post(user, "{\"type\": \"news\", \"payload\": {\"n\": 1}, \"occurredAt\": \"" + twoHoursAgo + "\"}").statusCode(201);
        post(user, "{\"type\": \"news\", \"payload\": {\"n\": 2}}").statusCode(201);
        context(user, 60).statusCode(200).body("count", equalTo(1)).body("events[0].payload.n", equalTo(2));
        context(user, 180).statusCode(200).body("count", equalTo(2)).body("events.payload.n", contains(1, 2));
    }

    @Test
    void recordedDecisionEntersItsSession() {
        String body = Decisions.body("AAPL", "BUY", "0.72").replace("\"horizonMinutes\": 60", "\"horizonMinutes\": 60, \"sessionId\": \"" + session + "\"");
        long id = Decisions.post(user, body).statusCode(201).extract().jsonPath().getLong("id");
        context(user, 60).statusCode(200).body("events.type", hasItem("decision")).body("events[0].payload.decisionId", equalTo((int) id));
    }

    @Test
    void anotherUsersSessionIs404() {
        post(user, "{\"type\": \"tick\", \"payload\": {}}").statusCode(201);
        context("lee-" + UUID.randomUUID(), 60).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badInputIs400AndStoresNothing() {
        post(user, "{\"type\": \"tick\"}").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("payload"));
        post(user, "{\"type\": \"no spaces\", \"payload\": {}}").statusCode(400).body("errors.field", hasItem("type"));
        post(user, "{\"type\": \"tick\", \"payload\": {}, \"occurredAt\": \"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}")
                .statusCode(400).body("errors.field", hasItem("occurredAt"));
        context(user, 60).statusCode(404);
        post(user, "{\"type\": \"tick\", \"payload\": {}}").statusCode(201);
        context(user, 0).statusCode(400).contentType(PROBLEM);
    }

    private ValidatableResponse post(String who, String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who))).contentType("application/json").body(body)
                .when().post("/api/v1/sessions/" + session + "/events").then();
    }

    private ValidatableResponse context(String who, int lookbackMinutes) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who)))
                .when().get("/api/v1/sessions/" + session + "/context?lookbackMinutes=" + lookbackMinutes).then();
    }
}
