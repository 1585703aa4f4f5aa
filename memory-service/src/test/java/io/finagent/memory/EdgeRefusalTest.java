package io.finagent.memory;

import io.finagent.platform.testing.ChunkedBodies;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The platform's defenses at the edge, through this service's real endpoints: what PostgreSQL
 * would refuse with a 500 (U+0000, a lone surrogate, a number past a double, a key given twice,
 * data after the body) is a 400 problem naming the field, in a body, a free-form map, a key, a
 * path or a query parameter; a body over the limit is a 413, however it is sent; and nothing is
 * stored.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EdgeRefusalTest {

    private static final String PROBLEM = "application/problem+json";
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "eve-" + UUID.randomUUID();

    @AfterEach
    void nothingWasStored() {
        assertEquals(0, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user));
        assertEquals(0, db.count("SELECT count(*) FROM ai_memory WHERE user_id = ?", user));
        assertEquals(0, db.count("SELECT count(*) FROM outbox_events WHERE position(? in payload::text) > 0", user));
    }

    @Test
    void theCharacterU0000InAStringAFreeFormValueOrAKeyIs400NamingIt() {
        Decisions.post(user, Decisions.body("AAPL", "BUY", "0.5").replace("momentum", "momen\\u0000tum"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("reasoning"))
                .body("detail", containsString("U+0000"));
        Decisions.post(user, Decisions.body("AAPL", "BUY", "0.5").replace("\"trending\"", "\"\\u0000\""))
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("marketContext.notes.regime"));
        memory("{\"memoryType\": \"OBSERVATION\", \"content\": {\"k\\u0000\": 1}}")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("content.k\\u0000"));
    }

    @Test
    void aLoneSurrogateIs400NamingTheField() {
        memory("{\"memoryType\": \"OBSERVATION\", \"content\": {\"text\": \"\\ud800\"}}")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("content.text"));
    }

    @Test
    void aNumberPastADoubleInAFreeFormValueIs400NamingIt() {
        memory("{\"memoryType\": \"OBSERVATION\", \"content\": {\"size\": 1e400}}")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("content.size"));
    }

    @Test
    void aKeyGivenTwiceAfterTheOtherFieldsIs400NamingIt() {
        Decisions.post(user, Decisions.body("AAPL", "BUY", "0.5").replace("\"horizonMinutes\": 60", "\"horizonMinutes\": 60, \"confidence\": 0.9"))
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("confidence"))
                .body("detail", containsString("Duplicate"));
    }

    @Test
    void dataAfterTheBodyIs400() {
        Decisions.post(user, Decisions.body("AAPL", "BUY", "0.5") + " {}").statusCode(400).contentType(PROBLEM);
    }

    @Test
    void theCharacterU0000InAPathOrQueryParameterIs400NamingIt() {
        agent().urlEncodingEnabled(false).when().get("/api/v1/decisions?symbol=A%00B").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("symbol"));
        agent().urlEncodingEnabled(false).contentType("application/json").body("{\"type\": \"note\", \"payload\": {}}")
                .when().post("/api/v1/sessions/s%00x/events").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("id"));
    }

    @Test
    void withoutATokenTheAnswerIs401WhateverElseIsWrong() {
        given().urlEncodingEnabled(false).when().get("/api/v1/decisions?symbol=A%00B").then().statusCode(401).contentType(PROBLEM);
        given().contentType("application/json").body("{\"a\": 1, \"a\": 2}").when().post("/api/v1/decisions").then()
                .statusCode(401).contentType(PROBLEM);
    }

    /** The limit itself is every service's ServiceEndpointsContract; here, a body in chunks below it is read as any other. */
    @Test
    void aBodyInChunksBelowTheLimitIsReadAsAnyOther() throws Exception {
        String another = "ada-" + UUID.randomUUID();
        HttpResponse<String> stored = ChunkedBodies.send("POST", "/api/v1/decisions", Tokens.bearer(Tokens.agent(another)),
                Decisions.body("AAPL", "BUY", "0.5").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, stored.statusCode(), stored.body());
        assertEquals(1, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", another));
    }

    private RequestSpecification agent() {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user)));
    }

    private io.restassured.response.ValidatableResponse memory(String body) {
        return agent().contentType("application/json").body(body).when().post("/api/v1/memories").then();
    }
}
