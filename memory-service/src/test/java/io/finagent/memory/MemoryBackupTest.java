package io.finagent.memory;

import io.finagent.platform.contracts.BackupRoundTripContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class MemoryBackupTest extends BackupRoundTripContract {

    private final String user = "backup-" + UUID.randomUUID();

    @Override
    protected String database() {
        return "finagent_memory_test";
    }


    /**
     * The recall index's feed of removals, this database's id, and the generations of lessons and
     * episodes (each restored row raises its user's): derived from the backed-up rows, never restored.
     */
    @Override
    protected Set<String> notBackedUp() {
        return Set.of("decision_removals", "recall_index_origin", "market_generations");
    }

    @Override
    protected void seed(TestDatabase db) {
        // with an Idempotency-Key and its claim (the insert claims it in the same statement; here by hand)
        long decision = id(db, "INSERT INTO decision_history (user_id, strategy_id, symbol, decision_type, confidence, reasoning, market_context,"
                + " horizon_minutes, idempotency_key) VALUES ('" + user + "', 1, 'AAPL', 'BUY', 0.7, 'momentum', '{\"features\": {\"rsi_14\": 61.5}}', 60,"
                + " 'seed-" + user + "') RETURNING id");
        db.execute("INSERT INTO decision_idempotency_keys (user_id, idempotency_key) VALUES ('" + user + "', 'seed-" + user + "')");
        long memory = id(db, "INSERT INTO ai_memory (user_id, memory_type, content, summary, decision_id)"
                + " VALUES ('" + user + "', 'DECISION', '{\"note\": \"bought the breakout\"}', 'breakout', " + decision + ") RETURNING id");
        long pattern = id(db, "INSERT INTO pattern_recognition (user_id, pattern_type, pattern_name, pattern_data, symbol)"
                + " VALUES ('" + user + "', 'BREAKOUT', 'range breakout', '{\"days\": 20}', 'AAPL') RETURNING id");
        db.execute("UPDATE decision_history SET cited_memory_ids = '{" + memory + "}', cited_pattern_ids = '{" + pattern + "}' WHERE id = " + decision);
        db.execute("INSERT INTO agent_contexts (id, user_id, as_of, body, digest) VALUES (gen_random_uuid(), '" + user + "', now(),"
                + " '{\"asOf\": \"2026-12-04T00:00:00Z\"}', repeat('a', 64))");
        db.execute("INSERT INTO outcome_credits (user_id, memory_id, decision_id, wins, losses, outcome, credited_at)"
                + " VALUES ('" + user + "', " + memory + ", " + decision + ", 0, 1, -0.01, now() - interval '1 day')");
        db.execute("INSERT INTO episodes (user_id, symbol, strategy_id, started_at, entry, steps, features)"
                + " VALUES ('" + user + "', 'AAPL', 1, now() - interval '1 day', '{\"price\": 100}', '[{\"hold\": true}]', '{\"rsi_14\": 61.5}'),"
                + " ('" + user + "', 'MSFT', NULL, now() - interval '2 days', '{\"price\": 300}', '[]', '{}')");
    }

    @Override
    protected void change(TestDatabase db) {
        // the outcome measured: the decision and what it cited are credited
        db.execute("UPDATE decision_history SET outcome = 0.0123456789, outcome_measured_at = now() WHERE user_id = '" + user + "'");
        db.execute("UPDATE pattern_recognition SET occurrences = 1, successes = 1, total_outcome = 0.0123456789, success_rate = 1,"
                + " confidence = 0.2065432, last_seen = now(), updated_at = now() WHERE user_id = '" + user + "'");
        db.execute("INSERT INTO outcome_credits (user_id, pattern_id, decision_id, wins, losses, outcome, credited_at)"
                + " SELECT user_id, id, NULL, 1, 0, 0.0123456789, now() FROM pattern_recognition WHERE user_id = '" + user + "'");
        db.execute("INSERT INTO ai_memory (user_id, memory_type, content, relevance_score) VALUES ('" + user + "', 'FEEDBACK', '{\"worked\": true}', 0.5)");
        db.execute("UPDATE episodes SET ended_at = now(), exit = '{\"price\": 101.23}', result = 0.0123 WHERE user_id = '" + user + "' AND symbol = 'AAPL'");
        db.execute("DELETE FROM episodes WHERE user_id = '" + user + "' AND symbol = 'MSFT'");
    }

    /** An import rebuilds the recall index in the background: the next test class finds it built again. */
    @AfterEach
    void recallIndexIsReadyAgain() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", Tokens.bearer(Tokens.admin("backup-admin")))
                .get("/api/v1/admin/recall-index").then().statusCode(200).body("state", equalTo("ready")));
    }

    private static long id(TestDatabase db, String insertReturningId) {
        return Long.parseLong(db.strings(insertReturningId).get(0));
    }
}
