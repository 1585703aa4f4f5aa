package io.finagent.system;

import io.finagent.platform.events.EventType;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.TestKafka;
import io.finagent.platform.testing.Tokens;
import io.finagent.platform.tracing.Traceparent;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The loop of the cluster, end to end, with the packaged services on their own databases and the
 * real broker and QuestDB: memory-service stores a decision and publishes decision-made through
 * its outbox; strategy-service and portfolio-service hear it; portfolio-service measures its
 * outcome from the prices in QuestDB and publishes outcome-measured; memory-service applies it.
 * Tracing is on, so the loop of one decision is also one trace.
 */
class DecisionLoopSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("finagent.repo.root", "..")).toAbsolutePath().normalize();
    private static final Map<String, String> DATABASES = Map.of(
            "memory-service", "finagent_memory_system",
            "strategy-service", "finagent_strategy_system",
            "portfolio-service", "finagent_portfolio_system");
    private static final List<RunningService> SERVICES = new ArrayList<>();
    private static RunningService memory;
    private static RunningService portfolio;
    private static TraceCollector traces;

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure.ensureRunning();
        traces = TraceCollector.start();
        for (var service : List.of("memory-service", "strategy-service", "portfolio-service")) {
            String database = DATABASES.get(service);
            TestInfrastructure.freshDatabase(service, database); // empty: each service migrates it at start
            Map<String, String> env = RunningService.environment(ROOT, database, service + "-system");
            env.put("FINAGENT_WORKING_MEMORY_REDIS_PREFIX", "finagent-system:wm:");
            // tracing on, as a deployment turns it on, exporting to this test
            env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint());
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            SERVICES.add(RunningService.start(ROOT, service, env));
        }
        for (RunningService service : SERVICES) {
            service.awaitReady(Duration.ofSeconds(120));
        }
        memory = SERVICES.get(0);
        portfolio = SERVICES.get(2);
        // decision ids are unique per memory database; this one is new, while the topics still hold
        // the module tests' decisions (small ids from their own databases, and TestEvents' ids,
        // which are smaller than this), which the services here also read from the start
        new TestDatabase(DATABASES.get("memory-service"))
                .execute("ALTER TABLE decision_history ALTER COLUMN id RESTART WITH " + System.currentTimeMillis() * 1000);
    }

    @AfterAll
    static void stopServices() throws InterruptedException {
        for (RunningService service : SERVICES) {
            service.close();
        }
        traces.close();
    }

    @Test
    void decisionReachesStrategyAndPortfolioServiceOverTheBroker() {
        String user = "agent-" + UUID.randomUUID();
        long id = given().baseUri(memory.url())
                .header("Authorization", Tokens.bearer(Tokens.agent(user)))
                .contentType("application/json")
                .body("""
                        {"strategyId": 11, "symbol": "AAPL", "decisionType": "BUY", "confidence": 0.8,
                         "marketContext": {"features": {"rsi_14": 61.5, "ret_5d": 0.02}}, "horizonMinutes": 30}""")
                .when().post("/api/v1/decisions")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        TestDatabase memoryDb = new TestDatabase(DATABASES.get("memory-service"));
        await("memory-service publishes decision " + id).atMost(Duration.ofSeconds(30)).until(() ->
                memoryDb.count("SELECT count(*) FROM outbox_events WHERE event_key = ? AND published_at IS NOT NULL", String.valueOf(id)) == 1);
        UUID eventId = UUID.fromString(memoryDb.strings("SELECT id::text FROM outbox_events WHERE event_key = ?", String.valueOf(id)).get(0));

        for (String service : List.of("strategy-service", "portfolio-service")) {
            TestDatabase db = new TestDatabase(DATABASES.get(service));
            await(service + " records decision " + id).atMost(Duration.ofSeconds(60))
                    .until(() -> db.count("SELECT count(*) FROM observed_decisions WHERE decision_id = ?", id) == 1);
            assertEquals(user, db.strings("SELECT user_id FROM observed_decisions WHERE decision_id = ?", id).get(0));
            assertEquals(1, db.count("SELECT count(*) FROM inbox_events WHERE event_id = ?", eventId));
        }
    }

    @Test
    void aDecisionComesBackToMemoryWithItsMeasuredOutcome() {
        String user = "agent-" + UUID.randomUUID();
        Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        long id = as(user, memory).body("""
                        {"strategyId": 12, "symbol": "LOOP", "decisionType": "SELL", "confidence": 0.6,
                         "marketContext": {"features": {"rsi_14": 71.0}}, "horizonMinutes": 60, "decidedAt": "%s"}"""
                        .formatted(decidedAt))
                .when().post("/api/v1/decisions").then().statusCode(201).extract().jsonPath().getLong("id");
        price(user, "LOOP", decidedAt.plusSeconds(1), "200");
        price(user, "LOOP", decidedAt.plus(Duration.ofMinutes(61)), "190");

        await("memory-service learns the outcome of decision " + id).atMost(Duration.ofSeconds(90)).until(() ->
                as(user, memory).get("/api/v1/decisions/" + id).then().extract().path("outcome") != null);
        // a SELL from 200 to 190 earned -(190 / 200 - 1) = +5 %
        assertEquals(0, new BigDecimal("0.05").compareTo(new BigDecimal(
                as(user, memory).get("/api/v1/decisions/" + id).then().extract().jsonPath().getString("outcome"))));
    }

    @Test
    void oneDecisionIsOneTraceFromItsRequestToItsOutcomeEvent() {
        String user = "agent-" + UUID.randomUUID();
        String traceId = hex(16);
        Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        long id = as(user, memory).header(Traceparent.HEADER, "00-" + traceId + "-" + hex(8) + "-01")
                .body("""
                        {"strategyId": 13, "symbol": "TRCE", "decisionType": "BUY", "confidence": 0.7,
                         "marketContext": {"features": {"rsi_14": 40.0}}, "horizonMinutes": 60, "decidedAt": "%s"}"""
                        .formatted(decidedAt))
                .when().post("/api/v1/decisions").then().statusCode(201).extract().jsonPath().getLong("id");
        price(user, "TRCE", decidedAt.plusSeconds(1), "50");
        price(user, "TRCE", decidedAt.plus(Duration.ofMinutes(61)), "55");

        var made = TestKafka.awaitRecord(EventType.DECISION_MADE.topic(), r -> String.valueOf(id).equals(r.key()), Duration.ofSeconds(60));
        assertEquals(traceId, traceIdOf(TestKafka.header(made, Traceparent.HEADER)), "decision-made is published in the request's trace");
        var measured = TestKafka.awaitRecord(EventType.OUTCOME_MEASURED.topic(), r -> String.valueOf(id).equals(r.key()), Duration.ofSeconds(90));
        assertEquals(traceId, traceIdOf(TestKafka.header(measured, Traceparent.HEADER)), "outcome-measured is published in it too");
        await("spans of trace " + traceId + " exported by memory-service and portfolio-service").atMost(Duration.ofSeconds(30))
                .until(() -> traces.received("memory-service", traceId) && traces.received("portfolio-service", traceId));
    }

    private static String traceIdOf(String traceparent) {
        assertNotNull(traceparent, "the record carries a traceparent header");
        return traceparent.split("-")[1];
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void price(String user, String symbol, Instant at, String price) {
        as(user, portfolio).body(Map.of("at", at.toString(), "prices", List.of(Map.of("symbol", symbol, "price", new BigDecimal(price)))))
                .post("/api/v1/prices").then().statusCode(200);
    }

    private static RequestSpecification as(String user, RunningService service) {
        return given().baseUri(service.url()).header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json");
    }

}
