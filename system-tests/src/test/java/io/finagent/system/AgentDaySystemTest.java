package io.finagent.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.demo.AgentDay;
import io.finagent.demo.DaySummary;
import io.finagent.platform.testing.McpAgents;
import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.finagent.platform.testing.McpAgents.call;
import static io.finagent.platform.testing.McpAgents.ok;
import static io.finagent.platform.testing.McpAgents.text;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/demo's agent's day, CI-sized, against the packaged memory-, strategy- and portfolio-service
 * on fresh databases with the real broker, Redis and QuestDB: the agent works through the MCP
 * tools, portfolio-service measures every outcome, and the summary's numbers are checked against
 * what the services answer over REST. The services' first start on empty databases logs no error
 * and no stack trace.
 */
class AgentDaySystemTest {

    private static final Path ROOT = Path.of(System.getProperty("finagent.repo.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int STEPS = 90;
    private static final List<RunningService> SERVICES = new ArrayList<>();
    private static final String USER = "day-" + UUID.randomUUID();
    private static RunningService memory;
    private static RunningService portfolio;
    private static RunningService strategy;
    private static DaySummary summary;
    private static String progress;
    private static Path report;

    @BeforeAll
    static void playTheDay() throws Exception {
        TestInfrastructure.ensureRunning();
        strategy = start("strategy-service", "finagent_strategy_day", Map.of());
        portfolio = start("portfolio-service", "finagent_portfolio_day", Map.of());
        memory = start("memory-service", "finagent_memory_day", Map.of(
                "FINAGENT_AGENT_TOOLS_PORTFOLIO_SERVICE", portfolio.url(), "FINAGENT_AGENT_TOOLS_STRATEGY_SERVICE", strategy.url(),
                "FINAGENT_WORKING_MEMORY_REDIS_PREFIX", "finagent-system:wm:"));
        for (RunningService service : SERVICES) {
            service.awaitReady(Duration.ofSeconds(120));
        }
        report = ROOT.resolve("system-tests/target/agent-day.html");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        summary = AgentDay.run(new AgentDay.Options(new AgentDay.Endpoints(URI.create(memory.url()), URI.create(portfolio.url()),
                URI.create(strategy.url())), Tokens.agent(USER), 7, STEPS, Duration.ofSeconds(1), report,
                new PrintStream(out, true, StandardCharsets.UTF_8)));
        progress = out.toString(StandardCharsets.UTF_8);
        System.out.print(progress + summary.text());
    }

    @AfterAll
    static void stopServices() throws InterruptedException {
        for (RunningService service : SERVICES) {
            service.close();
        }
    }

    private static RunningService start(String service, String database, Map<String, String> extra) throws Exception {
        TestInfrastructure.freshDatabase(service, database); // empty: a first start, which migrates it
        Map<String, String> env = RunningService.environment(ROOT, database, service + "-day");
        env.putAll(extra);
        RunningService running = RunningService.start(ROOT, service, service + "-day", env);
        SERVICES.add(running);
        return running;
    }

    @Test
    void everyDecisionIsStoredAndItsOutcomeMeasuredAsTheSummarySays() {
        List<JsonNode> stored = decisions();
        assertEquals(STEPS * 3, summary.decisions().size());
        assertEquals(summary.decisions().size(), stored.size(), "decisions in memory-service");
        Map<Long, BigDecimal> outcomes = new HashMap<>();
        stored.forEach(d -> outcomes.put(d.get("id").asLong(), d.hasNonNull("outcome") ? d.get("outcome").decimalValue() : null));
        for (DaySummary.Decision d : summary.decisions()) {
            assertNotNull(outcomes.get(d.id()), "decision " + d.id() + " has its outcome");
            assertEquals(0, outcomes.get(d.id()).compareTo(d.outcome()), "decision " + d.id());
            JsonNode measurement = json(as(portfolio).get("/api/v1/outcomes/" + d.id()).then().statusCode(200).extract().asString());
            assertEquals("MEASURED", measurement.get("status").asText());
            assertEquals(0, measurement.get("outcome").decimalValue().compareTo(d.outcome()), "measured by portfolio-service");
        }
        assertEquals(summary.decisions().size(), summary.all().measured());
        assertEquals(summary.afterRecall().measured() + summary.withoutRecall().measured(), summary.all().measured());
        assertTrue(summary.afterRecall().measured() > 0, "some decisions followed recall:\n" + progress);
        for (DaySummary.Decision d : summary.decisions()) {
            boolean flipped = !d.decisionType().equals(d.rule());
            assertTrue(!flipped || d.followedRecall(), "only recall takes the other side of the rule: " + d);
        }
    }

    @Test
    void whatTheAgentFollowedWasInTheContextItCited() {
        for (DaySummary.Decision d : summary.decisions()) {
            JsonNode cited = json(as(memory).get("/api/v1/decisions/" + d.id() + "/context").then().statusCode(200).extract().asString());
            JsonNode context = cited.path("context");
            long precedents = 0;
            for (JsonNode neighbour : context.path("decisions")) {
                if (neighbour.path("decision").hasNonNull("outcome")) {
                    precedents++;
                }
            }
            if (d.followedRecall()) {
                assertTrue(precedents >= 3, "decision " + d.id() + " followed recall on " + precedents + " measured precedents: " + cited);
            }
        }
    }

    @Test
    void theStrategysMetricsAndThePortfolioAreTheServicesOwn() {
        JsonNode performance = json(as(strategy).get("/api/v1/strategies/" + summary.strategyId() + "/performance")
                .then().statusCode(200).extract().asString());
        assertEquals(summary.all().measured(), performance.get("totalTrades").asLong());
        assertEquals(summary.all().winRate(), performance.get("winRate").asDouble(), 1e-9);
        assertEquals(summary.performance().get("totalReturn").asText(), performance.get("totalReturn").asText());
        JsonNode held = json(as(portfolio).get("/api/v1/portfolios/" + summary.portfolioId()).then().statusCode(200).extract().asString());
        assertEquals(0, summary.currentValue().compareTo(held.path("portfolio").get("currentValue").decimalValue()));
        assertEquals(summary.strategyId(), held.path("portfolio").get("strategyId").asLong());
        assertTrue(summary.equity().size() > STEPS / 2, "the equity curve has a point for most seconds: " + summary.equity().size());
    }

    @Test
    void theReportIsOneFileWithItsChartsInline() throws Exception {
        String html = Files.readString(report);
        assertEquals(2, html.split("<svg ", -1).length - 1, "the equity curve and the win rates");
        assertFalse(html.matches("(?s).*(src=|href=|url\\(|@import).*"), "nothing fetched from elsewhere");
        assertTrue(html.contains(String.valueOf(summary.decisions().size())), "the summary is in it");
    }

    @Test
    void theToolsFindTheMeasuredDecisionAndShowAnotherUserNoneOfIt() {
        DaySummary.Decision first = summary.decisions().get(0);
        JsonNode stored = json(as(memory).get("/api/v1/decisions/" + first.id()).then().statusCode(200).extract().asString());
        Map<String, Object> market = JSON.convertValue(stored.get("marketContext"), Map.class);
        try (McpSyncClient agent = client(USER)) {
            JsonNode recalled = ok(agent, "recall_similar_decisions", Map.of("marketContext", market, "strategyId", summary.strategyId(),
                    "k", 3, "exact", true));
            assertEquals(first.id(), recalled.path("decisions").path(0).path("decision").path("id").asLong(), recalled.toString());
            assertEquals(0, first.outcome().compareTo(recalled.path("decisions").path(0).path("decision").path("outcome").decimalValue()));
            JsonNode context = ok(agent, "get_agent_context", Map.of("features", market.get("features"), "symbol", first.symbol(),
                    "strategyId", summary.strategyId(), "k", 3));
            assertEquals(first.id(), context.path("decisions").path(0).path("decision").path("id").asLong(), context.toString());
            McpSchema.CallToolResult badInterval = call(agent, "get_equity_curve", Map.of("portfolioId", summary.portfolioId(), "interval", "7x"));
            assertTrue(badInterval.isError() && text(badInterval).contains("interval"), text(badInterval));
        }
        try (McpSyncClient other = client("eve-" + UUID.randomUUID())) {
            assertTrue(call(other, "get_decision", Map.of("id", first.id())).isError());
            McpSchema.CallToolResult portfolioRead = call(other, "get_portfolio", Map.of("portfolioId", summary.portfolioId()));
            assertTrue(portfolioRead.isError() && text(portfolioRead).contains("not found"), text(portfolioRead));
            assertTrue(call(other, "get_strategy_performance", Map.of("strategyId", summary.strategyId())).isError());
            assertEquals(0, ok(other, "list_portfolios", Map.of()).path("items").size());
        }
    }

    @Test
    void aFirstStartOnEmptyDatabasesLogsNoErrorAndNoStackTrace() throws Exception {
        for (RunningService service : SERVICES) {
            String log = service.log();
            assertFalse(log.contains("\"level\":\"ERROR\""), service.url() + " logged an error:\n" + log);
            assertFalse(log.contains("\"exception\""), service.url() + " logged a stack trace:\n" + log);
            assertFalse(log.contains("FATAL"), log);
        }
    }

    private static List<JsonNode> decisions() {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = json(as(memory).queryParam("strategyId", summary.strategyId()).queryParam("size", 100).queryParam("page", page)
                    .get("/api/v1/decisions").then().statusCode(200).extract().asString());
            body.path("items").forEach(all::add);
            if (body.path("items").size() < 100) {
                return all;
            }
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("no JSON: " + body, e);
        }
    }

    private static McpSyncClient client(String user) {
        return McpAgents.connect(memory.url(), user);
    }

    private static RequestSpecification as(RunningService service) {
        return given().baseUri(service.url()).header("Authorization", Tokens.bearer(Tokens.agent(USER))).contentType("application/json");
    }
}
