package io.finagent.strategy;

import io.finagent.platform.contracts.TestEvents;
import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.finagent.platform.events.OutcomeMeasured;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestKafka;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.config;
import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outcomes become the strategy's return series, its performance and its risk warnings; alerts keep their lifecycle. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PerformanceAndAlertsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final EventCodec CODEC = new EventCodec();
    private static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");

    private final TestDatabase db = new TestDatabase("finagent_strategy_test");
    private final String user = "sam-" + UUID.randomUUID();

    @Test
    void metricsOnAKnownSeriesEqualTheEmpyricalDefinitions() {
        long strategy = create(Map.of());
        List<String> series = List.of("0.01", "-0.02", "0.015", "0.0", "0.03", "-0.01", "0.005", "-0.025", "0.02", "0.01");
        for (int i = 0; i < series.size(); i++) {
            outcome(strategy, series.get(i), DAY.plusSeconds(3600L * i));
        }
        await().atMost(WAIT).until(() -> outcomes(strategy) == series.size());

        JsonPath p = performance(strategy, DAY, DAY.plus(Duration.ofDays(1)));
        // numpy float64 with the empyrical formulas (strategy-service/tools/empyrical_reference.py, "MIXED rf=0")
        assertClose(0.03413713611270808, p, "totalReturn");
        assertClose(1.3300700491933775, p, "annualizedReturn");
        assertClose(0.27761484110184026, p, "annualizedVolatility");
        assertClose(3.177063576642313, p, "sharpeRatio");
        assertClose(5.238320341483517, p, "sortinoRatio");
        assertClose(0.029923750000000176, p, "maxDrawdown");
        assertClose(44.448641938038165, p, "calmarRatio");
        assertClose(0.6, p, "winRate");
        assertEquals(10, p.getInt("totalTrades"));

        // the period is stored once, and computing it again replaces it
        performance(strategy, DAY, DAY.plus(Duration.ofDays(1)));
        assertEquals(1, db.count("SELECT count(*) FROM strategy_performance WHERE strategy_id = ?", strategy));
        assertEquals("0.0341371361", db.strings("SELECT total_return::text FROM strategy_performance WHERE strategy_id = ?", strategy).get(0));
        // a period with the first four outcomes only
        assertEquals(4, performance(strategy, DAY, DAY.plusSeconds(3600L * 4)).getInt("totalTrades"));
    }

    @Test
    void anUndefinedMetricIsNullWithItsReason() {
        long strategy = create(Map.of());
        outcome(strategy, "0.01", DAY);
        await().atMost(WAIT).until(() -> outcomes(strategy) == 1);
        JsonPath p = performance(strategy, DAY, DAY.plusSeconds(60));
        assertNull(p.get("sharpeRatio"));
        assertEquals("needs at least two outcomes", p.getString("undefined.sharpeRatio"));
        assertEquals("no drawdown", p.getString("undefined.calmarRatio"));
        assertEquals("no outcomes in the period", performance(strategy, DAY.plusSeconds(60), DAY.plusSeconds(120)).getString("undefined.totalReturn"));
        as().get("/api/v1/strategies/" + strategy + "/performance?from=" + DAY.plusSeconds(5) + "&to=" + DAY)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("to"));
    }

    @Test
    void theSameOutcomeTwiceCountsOnce() {
        long strategy = create(Map.of());
        long decision = TestEvents.newDecisionId();
        CloudEvent event = outcomeEvent(strategy, decision, "0.02", DAY);
        TestEvents.publish(event);
        TestEvents.publish(event);
        TestEvents.publish(outcomeEvent(strategy, decision, "0.02", DAY)); // republished under a new event id
        long marker = TestEvents.newDecisionId();
        TestKafka.send(EventType.OUTCOME_MEASURED.topic(), event.subject(), CODEC.write(outcomeEvent(strategy, marker, "0.01", DAY.plusSeconds(1))));
        await().atMost(WAIT).until(() -> outcomes(strategy) == 2); // the marker came after the copies, on their partition
        assertEquals(1, db.count("SELECT count(*) FROM strategy_outcomes WHERE decision_id = ?", decision));
        assertEquals(2, performance(strategy, DAY, DAY.plusSeconds(60)).getInt("totalTrades"));
    }

    @Test
    void anOutcomeForAnUnknownStrategyGoesToTheDeadLetterTopicAndTheStreamContinues() {
        long strategy = create(Map.of());
        long unknown = TestEvents.newDecisionId();
        CloudEvent orphan = outcomeEvent(unknown + 1_000_000, unknown, "0.01", DAY);
        TestKafka.send(EventType.OUTCOME_MEASURED.topic(), "same-key", CODEC.write(orphan));
        long next = TestEvents.newDecisionId();
        TestKafka.send(EventType.OUTCOME_MEASURED.topic(), "same-key", CODEC.write(outcomeEvent(strategy, next, "0.01", DAY)));

        var dead = TestKafka.awaitRecord(EventType.OUTCOME_MEASURED.deadLetterTopic(), r -> r.value().contains(orphan.id().toString()), WAIT);
        String reason = TestKafka.header(dead, "dead-letter-reason");
        assertNotNull(reason);
        assertTrue(reason.contains("unknown strategy"), reason);
        await().atMost(WAIT).until(() -> outcomes(strategy) == 1);
    }

    @Test
    void riskWarningsFireWhenALimitIsReachedAndNotBefore() {
        long strategy = create(Map.of("risk", Map.of("maxDrawdown", 0.1, "maxLosingStreak", 3)));
        step(strategy, "-0.09", 1, 0);  // drawdown 9 %: under the limit
        step(strategy, "0.1", 2, 0);    // a new peak: 1.001
        step(strategy, "-0.1", 3, 1);   // 0.9009 against 1.001: exactly 10 %, the limit
        step(strategy, "-0.01", 4, 1);  // deeper, but the limit was already passed; a streak of 2
        step(strategy, "-0.01", 5, 2);  // a streak of 3

        JsonPath alerts = as().get("/api/v1/alerts?status=PENDING").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("RISK_WARNING", "RISK_WARNING"), alerts.getList("items.type"));
        assertEquals(List.of("maxLosingStreak", "maxDrawdown"), alerts.getList("items.details.limit"));
        assertEquals(3, alerts.getInt("items[1].priority"));
        assertTrue(alerts.getString("items[1].message").contains("drawdown of 10 % reached the limit of 10 %"), alerts.getString("items[1].message"));
    }

    @Test
    void alertsMoveFromPendingToSentToAcknowledgedAndNoOtherWay() {
        long id = as().body(Map.of("type", "BUY_SIGNAL", "priority", 4, "message", "breakout", "symbol", "MSFT"))
                .post("/api/v1/alerts").then().statusCode(201).body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
        as().post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(409).contentType(PROBLEM);
        as().post("/api/v1/alerts/" + id + "/send").then().statusCode(200).body("status", equalTo("SENT")).body("sentAt", notNullValue());
        as().post("/api/v1/alerts/" + id + "/send").then().statusCode(409).contentType(PROBLEM);
        as().post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedAt", notNullValue());
        as().post("/api/v1/alerts/" + id + "/acknowledge").then().statusCode(409);
        as().get("/api/v1/alerts?status=ACKNOWLEDGED").then().body("items.id", hasItem((int) id));

        RequestSpecification other = as("tom-" + UUID.randomUUID());
        other.get("/api/v1/alerts/" + id).then().statusCode(404).contentType(PROBLEM);
        other.post("/api/v1/alerts/" + id + "/send").then().statusCode(404);
        as().body(Map.of("type", "BUY_SIGNAL", "priority", 5, "message", "x")).post("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", hasItem("priority"));
        as().body(Map.of("priority", 1, "message", "x")).post("/api/v1/alerts").then().statusCode(400).body("errors.field", hasItem("type"));
        as().get("/api/v1/alerts?status=LOST").then().statusCode(400).body("errors.field", hasItem("status"));
        other.body(Map.of("type", "SELL_SIGNAL", "message", "x", "strategyId", create(Map.of()))).post("/api/v1/alerts").then().statusCode(404)
                .contentType("application/problem+json").body("errors.field", hasItem("strategyId"));
    }

    private void step(long strategy, String outcome, int recorded, int alerts) {
        outcome(strategy, outcome, DAY.plusSeconds(60L * recorded));
        await().atMost(WAIT).until(() -> outcomes(strategy) == recorded);
        assertEquals(alerts, db.count("SELECT count(*) FROM alerts WHERE strategy_id = ? AND alert_type = 'RISK_WARNING'", strategy),
                "risk warnings after outcome " + recorded);
    }

    private long outcomes(long strategy) {
        return db.count("SELECT count(*) FROM strategy_outcomes WHERE strategy_id = ?", strategy);
    }

    private void outcome(long strategy, String outcome, Instant measuredAt) {
        TestEvents.publish(outcomeEvent(strategy, TestEvents.newDecisionId(), outcome, measuredAt));
    }

    private CloudEvent outcomeEvent(long strategy, long decision, String outcome, Instant measuredAt) {
        OutcomeMeasured data = new OutcomeMeasured(decision, user, strategy, "AAPL", "BUY", new BigDecimal(outcome),
                new BigDecimal("100"), new BigDecimal("100").multiply(BigDecimal.ONE.add(new BigDecimal(outcome))),
                measuredAt.minusSeconds(3600), measuredAt);
        return CODEC.envelope(EventType.OUTCOME_MEASURED, "/finagent/test", String.valueOf(decision), data, measuredAt);
    }

    private JsonPath performance(long strategy, Instant from, Instant to) {
        return as().get("/api/v1/strategies/" + strategy + "/performance?from=" + from + "&to=" + to).then().statusCode(200).extract()
                .jsonPath(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static void assertClose(double expected, JsonPath p, String metric) {
        BigDecimal actual = p.get(metric);
        assertNotNull(actual, () -> metric + " undefined: " + p.getString("undefined." + metric));
        assertEquals(expected, actual.doubleValue(), 1e-8, metric);
    }

    private long create(Map<String, Object> config) {
        return as().body(Map.of("name", "s", "type", "TECHNICAL", "config", config)).post("/api/v1/strategies")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private RequestSpecification as() {
        return as(user);
    }

    private static RequestSpecification as(String user) {
        return given().config(config().jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json");
    }
}
