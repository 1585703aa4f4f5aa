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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DecisionApiTest {

    private static final String PROBLEM = "application/problem+json";
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "alice-" + UUID.randomUUID();

    @Test
    void decisionIsStoredAndReadBack() {
        var created = Decisions.post(user, Decisions.body("aapl", "BUY", "0.72")).statusCode(201).extract();
        String location = created.header("Location");
        assertTrue(location.endsWith("/api/v1/decisions/" + created.jsonPath().getLong("id")), location);
        given().header("Authorization", Tokens.bearer(Tokens.agent(user)))
                .when().get(location)
                .then().statusCode(200)
                .body("symbol", equalTo("AAPL"))
                .body("decisionType", equalTo("BUY"))
                .body("confidence", equalTo(0.72f))
                .body("marketContext.features.rsi_14", equalTo(61.5f))
                .body("marketContext.notes.regime", equalTo("trending"))
                .body("horizonMinutes", equalTo(60));
    }

    @Test
    void aDecisionCitesOnlyItsUsersLessonsAndPatternsAndAMemoryNamesOnlyItsUsersDecision() {
        String mallory = "mallory-" + UUID.randomUUID();
        long pattern = given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json")
                .body("{\"patternType\": \"breakout\", \"patternName\": \"range\", \"patternData\": {}}").post("/api/v1/patterns")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long lesson = memory(user, null).statusCode(201).extract().jsonPath().getLong("id");
        long decision = Decisions.post(user, Decisions.citing(Decisions.body("AAPL", "BUY", "0.6"), String.valueOf(lesson), String.valueOf(pattern)))
                .statusCode(201).body("citedMemoryIds", contains((int) lesson)).body("citedPatternIds", contains((int) pattern))
                .extract().jsonPath().getLong("id");
        memory(user, decision).statusCode(201).body("decisionId", equalTo((int) decision));

        String theirs = Decisions.body("AAPL", "SELL", "0.6");
        Decisions.post(mallory, Decisions.citing(theirs, "", String.valueOf(pattern))).statusCode(404).contentType(PROBLEM)
                .body("errors.field", contains("citedPatternIds"))
                .body("detail", equalTo("citedPatternIds: no pattern of yours has the id " + pattern));
        Decisions.post(mallory, Decisions.citing(theirs, lesson + ", " + Long.MAX_VALUE, "")).statusCode(404).contentType(PROBLEM)
                .body("errors.field", contains("citedMemoryIds"))
                .body("detail", equalTo("citedMemoryIds: no memory of yours has the ids " + lesson + ", " + Long.MAX_VALUE));
        memory(mallory, decision).statusCode(404).contentType(PROBLEM).body("errors.field", contains("decisionId"))
                .body("detail", equalTo("decisionId: no decision of yours has the id " + decision));
        assertEquals(0, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", mallory), "nothing stored behind a 404");
        assertEquals(0, db.count("SELECT count(*) FROM ai_memory WHERE user_id = ?", mallory));
    }

    private ValidatableResponse memory(String owner, Long decisionId) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(owner))).contentType("application/json")
                .body("{\"memoryType\": \"FEEDBACK\", \"content\": {\"text\": \"wait for the close\"}"
                        + (decisionId == null ? "" : ", \"decisionId\": " + decisionId) + "}")
                .post("/api/v1/memories").then();
    }

    @Test
    void withoutTokenIs401Problem() {
        given().contentType("application/json").body(Decisions.body("AAPL", "BUY", "0.5"))
                .when().post("/api/v1/decisions")
                .then().statusCode(401).contentType(PROBLEM)
                .body("type", endsWith("/unauthenticated"));
    }

    @Test
    void anotherUsersDecisionIs404() {
        long id = Decisions.record(user, "MSFT");
        given().header("Authorization", Tokens.bearer(Tokens.agent("mallory-" + UUID.randomUUID())))
                .when().get("/api/v1/decisions/" + id)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/not-found"))
                .body("detail", containsString(String.valueOf(id)));
    }

    @Test
    void malformedJsonIs400ProblemAndStoresNothing() {
        Decisions.post(user, "{\"strategyId\": 7, \"symbol\": ")
                .statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/malformed-json"));
        assertEquals(0, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user));
    }

    @Test
    void confidenceOutOfRangeIs400NamingTheField() {
        Decisions.post(user, Decisions.body("AAPL", "BUY", "1.5"))
                .statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", hasItem("confidence"));
        assertEquals(0, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user));
    }

    @Test
    void anInstantOutsideItsRangeIs400NamingTheFieldAndStoresNothing() {
        for (String decidedAt : new String[]{"+999999999-12-31T23:59:59Z", "1899-12-31T23:59:59Z",
                Instant.now().plus(10, ChronoUnit.MINUTES).toString()}) {
            Decisions.post(user, Decisions.body("AAPL", "BUY", "0.5").replace("\"horizonMinutes\": 60",
                            "\"horizonMinutes\": 60, \"decidedAt\": \"" + decidedAt + "\""))
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("decidedAt"));
        }
        recall("{\"marketContext\": {\"features\": {\"rsi_14\": 50}}, \"asOf\": \"+999999999-12-31T23:59:59Z\"}")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("asOf"));
        assertEquals(0, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user));
        assertEquals(0, db.count("SELECT count(*) FROM outbox_events WHERE position(? in payload::text) > 0", user));
    }

    @Test
    void aFeatureThatIsNotAFiniteNumberIs400NamingItAndStoresNothing() {
        for (String value : new String[]{"1e400", "-1e400", "\"NaN\"", "\"Infinity\"", "1e13"}) {
            Decisions.post(user, Decisions.body("AAPL", "BUY", "0.5").replace("\"rsi_14\": 61.5", "\"rsi_14\": " + value))
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("marketContext.features.rsi_14"));
            recall("{\"marketContext\": {\"features\": {\"rsi_14\": " + value + "}}}")
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("marketContext.features.rsi_14"));
        }
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).when().get("/api/v1/context?feature=rsi_14:NaN")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("feature"));
        assertEquals(0, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user));
        assertEquals(0, db.count("SELECT count(*) FROM outbox_events WHERE position(? in payload::text) > 0", user));
    }

    @Test
    void unknownDecisionTypeIs400NamingTheField() {
        Decisions.post(user, Decisions.body("AAPL", "SHORT", "0.5"))
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("decisionType"))
                .body("detail", startsWith("decisionType"));
        assertEquals(0, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user));
    }

    @Test
    void repeatedIdempotencyKeyRecordsOnce() {
        String key = UUID.randomUUID().toString();
        String body = Decisions.body("NVDA", "SELL", "0.6");
        long first = given().header("Authorization", Tokens.bearer(Tokens.agent(user))).header("Idempotency-Key", key)
                .contentType("application/json").body(body).when().post("/api/v1/decisions")
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().jsonPath().getLong("id");
        long second = given().header("Authorization", Tokens.bearer(Tokens.agent(user))).header("Idempotency-Key", key)
                .contentType("application/json").body(body).when().post("/api/v1/decisions")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().jsonPath().getLong("id");
        assertEquals(first, second);
        assertEquals(1, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user));
        assertEquals(1, db.count("SELECT count(*) FROM outbox_events WHERE event_key = ?", String.valueOf(first)));
    }

    @Test
    void concurrentCallsWithOneIdempotencyKeyRecordOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Decisions.body("AMD", "BUY", "0.55");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> given().header("Authorization", Tokens.bearer(Tokens.agent(user)))
                        .header("Idempotency-Key", key).contentType("application/json").body(body)
                        .when().post("/api/v1/decisions").then().statusCode(201).extract().jsonPath().getLong("id")));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> call : calls) {
                ids.add(call.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, ids.size(), "every call answers with the one decision: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user));
    }

    @Test
    void confidenceWithMoreThanFourDecimalsIs400() {
        Decisions.post(user, Decisions.body("AAPL", "BUY", "0.123456"))
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("confidence"));
        assertEquals(0, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user));
    }

    @Test
    void listFiltersByStrategySymbolTypeAndTimeRange() {
        String base = "{\"strategyId\": %d, \"symbol\": \"%s\", \"decisionType\": \"%s\", \"confidence\": 0.5,"
                + " \"decidedAt\": \"%s\", \"marketContext\": {\"features\": {\"rsi_14\": 50}}}";
        Decisions.post(user, base.formatted(1, "AAPL", "BUY", "2026-03-01T10:00:00Z")).statusCode(201);
        Decisions.post(user, base.formatted(1, "AAPL", "SELL", "2026-03-02T10:00:00Z")).statusCode(201);
        Decisions.post(user, base.formatted(2, "MSFT", "BUY", "2026-03-03T10:00:00Z")).statusCode(201);
        var auth = Tokens.bearer(Tokens.agent(user));
        given().header("Authorization", auth).when().get("/api/v1/decisions?strategyId=1")
                .then().statusCode(200).body("total", equalTo(2));
        given().header("Authorization", auth).when().get("/api/v1/decisions?symbol=aapl&decisionType=SELL")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].decisionType", equalTo("SELL"));
        given().header("Authorization", auth).when().get("/api/v1/decisions?from=2026-03-02T00:00:00Z&to=2026-03-03T10:00:00Z")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].symbol", equalTo("AAPL"));
    }

    private ValidatableResponse recall(String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json").body(body)
                .when().post("/api/v1/recall").then();
    }

    @Test
    void badQueryParametersAre400NotFound() {
        var auth = Tokens.bearer(Tokens.agent(user));
        for (String query : new String[]{"page=x", "from=yesterday", "decisionType=SHORT", "size=0", "strategyId=-1",
                "from=1800-01-01T00:00:00Z"}) {
            given().header("Authorization", auth).when().get("/api/v1/decisions?" + query)
                    .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/validation-failed"));
        }
        given().header("Authorization", auth).when().get("/api/v1/decisions?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("to"));
    }

    @Test
    void listIsPagedAndScopedToTheUser() {
        Decisions.record(user, "AAPL");
        Decisions.record(user, "MSFT");
        Decisions.record("bob-" + UUID.randomUUID(), "TSLA");
        given().header("Authorization", Tokens.bearer(Tokens.agent(user)))
                .when().get("/api/v1/decisions?size=1")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.size()", equalTo(1))
                .body("items[0].symbol", equalTo("MSFT"));
    }
}
