package io.finagent.strategy;

import io.finagent.platform.contracts.TestEvents;
import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.events.DecisionMade;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.finagent.platform.events.StrategyChanged;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestKafka;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Strategies, their versions and lifecycle, their announcements and the decisions taken under them, over the real servers. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class StrategyTest {

    private static final String PROBLEM = "application/problem+json";
    private static final EventCodec CODEC = new EventCodec();

    private final TestDatabase db = new TestDatabase("finagent_strategy_test");
    private final String user = "quinn-" + UUID.randomUUID();

    @Test
    void versionsAccumulateAndARestoreIsANewVersionNotARewrite() {
        long id = create(Map.of("name", "momentum", "type", "TECHNICAL", "config", Map.of("lookback", 20)));
        put(id, body("momentum", Map.of("lookback", 50), "longer lookback")).statusCode(200).body("currentVersion", equalTo(2));
        put(id, body("momentum", Map.of("lookback", 50, "stop", 0.05), "add a stop")).statusCode(200).body("currentVersion", equalTo(3));
        put(id, body("momentum 2", Map.of("lookback", 50, "stop", 0.05), "rename only")).statusCode(200)
                .body("currentVersion", equalTo(3)); // the same config is no new version
        List<String> before = db.strings("SELECT version_number || ' ' || config::text || ' ' || created_at::text FROM strategy_versions "
                + "WHERE strategy_id = ? ORDER BY version_number", id);

        as().post("/api/v1/strategies/" + id + "/versions/1/restore").then().statusCode(201)
                .body("version", equalTo(4)).body("config.lookback", equalTo(20)).body("changelog", equalTo("restored version 1"))
                .body("previousConfig.stop", equalTo(0.05f));

        JsonPath versions = as().get("/api/v1/strategies/" + id + "/versions").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(4, 3, 2, 1), versions.getList("items.version"));
        assertEquals(List.of("restored version 1", "add a stop", "longer lookback", "created"), versions.getList("items.changelog"));
        assertNull(versions.get("items[3].previousConfig"));
        assertEquals(20, versions.getInt("items[2].previousConfig.lookback"));
        assertEquals(before, db.strings("SELECT version_number || ' ' || config::text || ' ' || created_at::text FROM strategy_versions "
                + "WHERE strategy_id = ? AND version_number <= 3 ORDER BY version_number", id), "history is never rewritten");
        as().get("/api/v1/strategies/" + id).then().statusCode(200).body("config.lookback", equalTo(20)).body("currentVersion", equalTo(4));
        as().post("/api/v1/strategies/" + id + "/versions/9/restore").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anArchivedStrategyChangesNoMore() {
        long id = create(Map.of("name", "carry", "type", "FUNDAMENTAL"));
        put(id, withStatus(body("carry", Map.of(), null), "INACTIVE")).statusCode(200).body("status", equalTo("INACTIVE"));
        put(id, withStatus(body("carry", Map.of(), null), "ACTIVE")).statusCode(200).body("status", equalTo("ACTIVE"));
        put(id, withStatus(body("carry", Map.of(), null), "ARCHIVED")).statusCode(200).body("status", equalTo("ARCHIVED"));

        put(id, withStatus(body("carry", Map.of(), null), "ACTIVE")).statusCode(409).contentType(PROBLEM);
        put(id, body("carry", Map.of("x", 1), null)).statusCode(409).contentType(PROBLEM);
        as().post("/api/v1/strategies/" + id + "/versions/1/restore").then().statusCode(409).contentType(PROBLEM);
        as().get("/api/v1/strategies/" + id).then().body("status", equalTo("ARCHIVED")).body("currentVersion", equalTo(1));
    }

    @Test
    void listsByUserAndStatusAndNobodySeesAnothersStrategy() {
        long active = create(Map.of("name", "a", "type", "SENTIMENT"));
        long inactive = create(Map.of("name", "b", "type", "HYBRID", "status", "INACTIVE"));
        as().get("/api/v1/strategies?status=ACTIVE").then().statusCode(200).body("items.id", equalTo(List.of((int) active)));
        as().get("/api/v1/strategies").then().statusCode(200).body("total", equalTo(2)).body("items.id", equalTo(List.of((int) inactive, (int) active)));

        RequestSpecification other = as("rex-" + UUID.randomUUID());
        other.get("/api/v1/strategies/" + active).then().statusCode(404).contentType(PROBLEM);
        other.get("/api/v1/strategies/" + active + "/versions").then().statusCode(404).contentType(PROBLEM);
        other.body(body("stolen", Map.of(), null)).put("/api/v1/strategies/" + active).then().statusCode(404);
        other.get("/api/v1/strategies").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badInputIsA400NamingTheFieldAndChangesNothing() {
        as().body(Map.of("type", "TECHNICAL")).post("/api/v1/strategies").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name"));
        as().body(Map.of("name", "x", "type", "ASTROLOGY")).post("/api/v1/strategies").then().statusCode(400).body("errors.field", hasItem("type"));
        as().body(Map.of("name", "x", "type", "TECHNICAL", "config", List.of(1, 2))).post("/api/v1/strategies").then().statusCode(400)
                .body("errors.field", hasItem("config"));
        as().body(Map.of("name", "x", "type", "TECHNICAL", "defaultHorizonMinutes", 0)).post("/api/v1/strategies").then().statusCode(400)
                .body("errors.field", hasItem("defaultHorizonMinutes"));
        as().get("/api/v1/strategies?status=SLEEPING").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("status"));
        as().get("/api/v1/strategies").then().body("total", equalTo(0));
    }

    @Test
    void everyChangeIsAnnouncedOnStrategyChanged() {
        long id = create(Map.of("name", "swing", "type", "TECHNICAL", "defaultHorizonMinutes", 240));
        put(id, withHorizon(body("swing", Map.of("k", 2), null), 480)).statusCode(200);

        List<StrategyChanged> changes = TestKafka.awaitRecords(EventType.STRATEGY_CHANGED.topic(), r -> String.valueOf(id).equals(r.key()), 2,
                        Duration.ofSeconds(60)).stream()
                .map(r -> CODEC.<StrategyChanged>read(r.value(), EventType.STRATEGY_CHANGED).data()).toList();
        assertEquals(List.of(240, 480), changes.stream().map(StrategyChanged::defaultHorizonMinutes).toList());
        assertEquals(List.of(1, 2), changes.stream().map(StrategyChanged::version).toList());
        assertEquals(user, changes.get(1).userId());
    }

    @Test
    void decisionsUnderAnArchivedOrForeignStrategyAreRejectedNotLost() {
        long id = create(Map.of("name", "mean reversion", "type", "TECHNICAL"));
        Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long accepted = decide(id, user, decidedAt);
        long foreign = decide(id, "mallory-" + UUID.randomUUID(), decidedAt.plusSeconds(5));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(accepted) != null && status(foreign) != null);
        assertEquals("ACCEPTED", status(accepted));
        assertEquals("REJECTED", status(foreign));
        as().get("/api/v1/strategies/" + id).then().body("decisionCount", equalTo(1)).body("lastUsed", equalTo(decidedAt.toString()));

        put(id, withStatus(body("mean reversion", Map.of(), null), "ARCHIVED")).statusCode(200);
        long late = decide(id, user, decidedAt.plusSeconds(60));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(late) != null);
        assertEquals("REJECTED", status(late));
        as().get("/api/v1/strategies/" + id).then().body("decisionCount", equalTo(1));
    }

    private long decide(long strategyId, String userId, Instant decidedAt) {
        long id = TestEvents.newDecisionId();
        DecisionMade data = new DecisionMade(id, userId, strategyId, "AAPL", "BUY", new BigDecimal("0.6"), null, decidedAt, List.of(), List.of());
        CloudEvent event = CODEC.envelope(EventType.DECISION_MADE, "/finagent/test", String.valueOf(id), data, Instant.now());
        TestEvents.publish(event);
        return id;
    }

    private String status(long decisionId) {
        List<String> found = db.strings("SELECT status FROM observed_decisions WHERE decision_id = ?", decisionId);
        return found.isEmpty() ? null : found.get(0);
    }

    private long create(Map<String, Object> body) {
        return as().body(body).post("/api/v1/strategies").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private ValidatableResponse put(long id, Map<String, Object> body) {
        return as().body(body).put("/api/v1/strategies/" + id).then();
    }

    private static Map<String, Object> body(String name, Map<String, Object> config, String changelog) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "type", "TECHNICAL", "config", config));
        if (changelog != null) {
            body.put("changelog", changelog);
        }
        return body;
    }

    private static Map<String, Object> withStatus(Map<String, Object> body, String status) {
        body.put("status", status);
        return body;
    }

    private static Map<String, Object> withHorizon(Map<String, Object> body, int minutes) {
        body.put("defaultHorizonMinutes", minutes);
        return body;
    }

    private RequestSpecification as() {
        return as(user);
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json");
    }
}
