package io.finagent.memory;

import io.finagent.platform.contracts.TestEvents;
import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.events.EventType;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestKafka;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OutcomeTest {

    private static final String PROBLEM = "application/problem+json";
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "ivan-" + UUID.randomUUID();

    @Test
    void outcomeByRestCreditsCitedPatternsAndMemoriesExactlyOnce() {
        long win = pattern(user);
        long other = pattern("mallory-" + UUID.randomUUID());
        long memory = memory(user);
        long decision = decisionCiting(String.valueOf(win), String.valueOf(memory));
        // a row from before citations were checked at the edge may name another user's pattern: still never credited
        db.execute("UPDATE decision_history SET cited_pattern_ids = ARRAY[" + win + ", " + other + "]::bigint[] WHERE id = " + decision);

        for (int i = 0; i < 2; i++) {
            putOutcome(decision, "0.05").statusCode(200).body("outcome", equalTo(0.05f));
        }

        assertEquals("1|1|0|0.0500000000|1.00000000", patternRow(win));
        assertEquals("0|0|0|0.0000000000|0.00000000", patternRow(other), "another user's pattern is never touched");
        assertEquals("1|0", db.strings("SELECT success_count || '|' || failure_count FROM ai_memory WHERE id = ?", memory).get(0));
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).when().get("/api/v1/decisions/" + decision)
                .then().statusCode(200).body("outcome", equalTo(0.05f));
    }

    @Test
    void lossDebitsAndDifferentOutcomeIsAConflict() {
        long p = pattern(user);
        long decision = decisionCiting(String.valueOf(p), "");
        putOutcome(decision, "-0.02").statusCode(200);
        putOutcome(decision, "0.03").statusCode(409).contentType(PROBLEM).body("type", endsWith("/conflict"));
        assertEquals("1|0|1|-0.0200000000|0.00000000", patternRow(p));
    }

    @Test
    void anotherUsersDecisionIs404AndBadBodyIs400() {
        long decision = decisionCiting("", "");
        given().header("Authorization", Tokens.bearer(Tokens.agent("judy-" + UUID.randomUUID())))
                .contentType("application/json").body("{\"outcome\": 0.01}")
                .when().put("/api/v1/decisions/" + decision + "/outcome")
                .then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", Tokens.bearer(Tokens.agent(user)))
                .contentType("application/json").body("{\"measuredAt\": \"2026-01-01T00:00:00Z\"}")
                .when().put("/api/v1/decisions/" + decision + "/outcome")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("outcome"));
        assertEquals(0, db.count("SELECT count(*) FROM decision_history WHERE id = ? AND outcome IS NOT NULL", decision));
    }

    @Test
    void outcomeEventAppliesOnceEvenWhenReplayed() {
        long p = pattern(user);
        long decision = decisionCiting(String.valueOf(p), "");
        CloudEvent event = TestEvents.outcomeMeasured(decision, user, new BigDecimal("0.0123456789"));
        TestEvents.publish(event);
        TestEvents.publish(event);
        // a marker on the same key: once it is applied, the replay before it was handled too
        long marker = decisionCiting("", "");
        TestKafka.send(EventType.OUTCOME_MEASURED.topic(), event.subject(),
                TestEvents.write(TestEvents.outcomeMeasured(marker, user, BigDecimal.ONE)));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("SELECT count(*) FROM decision_history WHERE id = ? AND outcome IS NOT NULL", marker) == 1);
        assertEquals("0.0123456789", db.strings("SELECT outcome::text FROM decision_history WHERE id = ?", decision).get(0));
        assertEquals("1|1|0|0.0123456789|1.00000000", patternRow(p));
    }

    @Test
    void outcomeForUnknownDecisionGoesToDeadLetterTopic() {
        long unknown = TestEvents.newDecisionId();
        TestEvents.publish(TestEvents.outcomeMeasured(unknown, user, new BigDecimal("0.01")));
        var dead = TestKafka.awaitRecord(EventType.OUTCOME_MEASURED.deadLetterTopic(),
                r -> String.valueOf(unknown).equals(r.key()), Duration.ofSeconds(60));
        String reason = TestKafka.header(dead, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("unknown decision " + unknown), String.valueOf(reason));
    }

    private io.restassured.response.ValidatableResponse putOutcome(long decision, String outcome) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user)))
                .contentType("application/json").body("{\"outcome\": " + outcome + "}")
                .when().put("/api/v1/decisions/" + decision + "/outcome").then();
    }

    private long decisionCiting(String patternIds, String memoryIds) {
        String body = """
                {"strategyId": 7, "symbol": "AAPL", "decisionType": "BUY", "confidence": 0.6,
                 "marketContext": {"features": {"rsi_14": 55.0}},
                 "citedPatternIds": [%s], "citedMemoryIds": [%s]}""".formatted(patternIds, memoryIds);
        return Decisions.post(user, body).statusCode(201).extract().jsonPath().getLong("id");
    }

    private long pattern(String owner) {
        return Long.parseLong(db.strings("INSERT INTO pattern_recognition (user_id, pattern_type, pattern_name)"
                + " VALUES (?, 'BREAKOUT', 'range breakout') RETURNING id", owner).get(0));
    }

    private long memory(String owner) {
        return Long.parseLong(db.strings("INSERT INTO ai_memory (user_id, memory_type, summary)"
                + " VALUES (?, 'OBSERVATION', 'volume leads price') RETURNING id", owner).get(0));
    }

    private String patternRow(long id) {
        return db.strings("SELECT occurrences || '|' || successes || '|' || failures || '|' || total_outcome || '|' || success_rate"
                + " FROM pattern_recognition WHERE id = ?", id).get(0);
    }
}
