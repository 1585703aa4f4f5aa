package io.finagent.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finagent.memory.repository.AgentContextRepository;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the agent saw, provable later: a decision cites its context, shows it back, and a changed one is caught. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DecisionContextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "noor-" + UUID.randomUUID();

    @Inject
    AgentContextRepository contexts;

    @Test
    void aDecisionShowsTheContextItCitedWithADigestThatProvesItUnchanged() throws Exception {
        Decisions.record(user, "AAPL");
        String answered = context(user).extract().asString();
        JsonNode context = JSON.readTree(answered);
        String contextId = context.get("contextId").asText();
        String digest = context.get("contextDigest").asText();
        assertEquals(digest, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                        answered.replace("\"contextDigest\":\"" + digest + "\"", "\"contextDigest\":null").getBytes(StandardCharsets.UTF_8))),
                "the digest is of the very characters answered, with contextDigest null");

        long id = Decisions.post(user, citing(contextId, null)).statusCode(201).body("contextId", equalTo(contextId))
                .extract().jsonPath().getLong("id");
        JsonNode shown = JSON.readTree(given().header("Authorization", Tokens.bearer(Tokens.agent(user)))
                .get("/api/v1/decisions/{id}/context", id).then().statusCode(200).extract().asString());
        assertTrue(shown.get("verified").asBoolean());
        assertEquals(digest, shown.get("digest").asText());
        assertEquals(digest, shown.get("citedDigest").asText());
        ((ObjectNode) context).putNull("contextDigest"); // the digest is taken over the context as kept, without itself
        assertEquals(context, shown.get("context"), "the context shown is the one answered");

        db.execute("UPDATE agent_contexts SET body = replace(body, '\"budgetChars\":8000', '\"budgetChars\":9000') WHERE id = '"
                + contextId + "'");
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).get("/api/v1/decisions/{id}/context", id).then()
                .statusCode(200).body("verified", equalTo(false)).body("citedDigest", equalTo(digest))
                .body("context.budgetChars", equalTo(9000));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("finagent_memories_contexts_kept_total"))
                .body(matchesPattern("(?s).*\\nfinagent_memories_contexts_changed_total(\\{[^}]*})? [1-9].*"));
    }

    @Test
    void aContextAssembledAfterTheDecisionOrAnotherUsersIsRefusedAndNothingIsStored() {
        String contextId = context(user).extract().jsonPath().getString("contextId");
        long before = db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user);

        Decisions.post(user, citing(contextId, Instant.now().minus(1, ChronoUnit.HOURS))).statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("contextId"));
        String theirs = context("omar-" + UUID.randomUUID()).extract().jsonPath().getString("contextId");
        Decisions.post(user, citing(theirs, null)).statusCode(404).contentType("application/problem+json")
                .body("errors.field", hasItem("contextId")); // another user's: as if it did not exist
        Decisions.post(user, citing("not-a-uuid", null)).statusCode(400).contentType("application/problem+json");
        assertEquals(before, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user));

        long plain = Decisions.record(user, "MSFT");
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).get("/api/v1/decisions/{id}/context", plain).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aContextNoDecisionCitesIsForgottenAfterTheRetentionACitedOneIsKept() {
        String uncited = context(user).extract().jsonPath().getString("contextId");
        String cited = context(user).extract().jsonPath().getString("contextId");
        Decisions.post(user, citing(cited, null)).statusCode(201);
        db.execute("UPDATE agent_contexts SET assembled_at = now() - interval '8 days' WHERE id IN ('" + uncited + "', '" + cited + "')");

        contexts.forgetUncitedOlderThan(Duration.ofDays(7)).await().indefinitely();

        assertEquals(0, db.count("SELECT count(*) FROM agent_contexts WHERE id = '" + uncited + "'"));
        assertEquals(1, db.count("SELECT count(*) FROM agent_contexts WHERE id = '" + cited + "'"));
        assertFalse(uncited.equals(cited));
    }

    private static io.restassured.response.ValidatableResponse context(String who) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who)))
                .get("/api/v1/context?feature=rsi_14:61.5&feature=ret_5d:0.021&k=3").then().statusCode(200);
    }

    private static String citing(String contextId, Instant decidedAt) {
        String body = Decisions.body("AAPL", "BUY", "0.72");
        String extra = "\"contextId\": \"" + contextId + "\"" + (decidedAt == null ? "" : ", \"decidedAt\": \"" + decidedAt + "\"");
        return body.replace("\"horizonMinutes\": 60", "\"horizonMinutes\": 60, " + extra);
    }
}
