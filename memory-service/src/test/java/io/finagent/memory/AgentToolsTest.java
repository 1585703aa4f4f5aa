package io.finagent.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.platform.testing.McpAgents;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.finagent.platform.testing.McpAgents.call;
import static io.finagent.platform.testing.McpAgents.ok;
import static io.finagent.platform.testing.McpAgents.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's tools over MCP (Streamable HTTP at /mcp), driven by the official MCP Java SDK client as an agent connects. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AgentToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOOLS = List.of("add_session_event", "find_relevant_lessons", "find_relevant_patterns",
            "find_similar_episodes", "get_agent_context", "get_decision", "get_equity_curve", "get_outcome_measurement", "get_portfolio",
            "get_session_events", "get_strategy", "get_strategy_performance", "list_portfolios", "recall_similar_decisions",
            "record_decision", "record_outcome", "store_lesson");

    private final String user = "mcp-" + UUID.randomUUID();
    // the features of this test's market, far from any other test's, so that recall finds this test's decision first
    private final Map<String, Object> market = Map.of("features", Map.of("rsi_14", 97.25, "ret_5d", -0.3125, "mcp_probe", 4242.0));

    @Test
    void everyToolIsListedWithADescriptionAndASchemaAnAgentCanFill() {
        try (McpSyncClient client = client(user)) {
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertEquals(TOOLS, tools.stream().map(McpSchema.Tool::name).sorted().toList());
            tools.forEach(tool -> assertTrue(tool.description().length() > 40, tool.name() + ": " + tool.description()));

            McpSchema.Tool record = tools.stream().filter(t -> t.name().equals("record_decision")).findFirst().orElseThrow();
            JsonNode schema = JSON.valueToTree(record.inputSchema());
            assertEquals("object", schema.path("type").asText());
            for (String required : List.of("strategyId", "symbol", "decisionType", "confidence", "marketContext")) {
                assertTrue(contains(schema.path("required"), required), required + " required in " + schema);
            }
            assertFalse(contains(schema.path("required"), "reasoning"), schema.toString());
            assertEquals(List.of("BUY", "SELL", "HOLD"), JSON.convertValue(schema.path("properties").path("decisionType").path("enum"), List.class));
            assertTrue(schema.path("properties").path("marketContext").path("properties").has("features"), schema.toString());
        }
    }

    @Test
    void theDecisionLoopRunsThroughTheToolsAndAnotherUserSeesNoneOfIt() {
        String key = UUID.randomUUID().toString();
        long id;
        try (McpSyncClient client = client(user)) {
            Instant beforeDecision = Instant.now();
            JsonNode context = ok(client, "get_agent_context", Map.of("features", market.get("features"), "symbol", "AAPL"));
            Map<String, Object> decision = Map.of("strategyId", 7, "symbol", "AAPL", "decisionType", "BUY", "confidence", 0.7,
                    "marketContext", market, "reasoning", "oversold bounce", "contextId", context.path("contextId").asText(),
                    "idempotencyKey", key);
            id = ok(client, "record_decision", decision).path("id").asLong();
            assertEquals(id, ok(client, "record_decision", decision).path("id").asLong(), "the same key records once");

            ok(client, "record_outcome", Map.of("decisionId", id, "outcome", 0.031));
            assertEquals(0.031, ok(client, "get_decision", Map.of("id", id)).path("outcome").asDouble());

            JsonNode recalled = ok(client, "recall_similar_decisions", Map.of("marketContext", market, "k", 5, "exact", true));
            assertEquals(id, recalled.path("decisions").path(0).path("decision").path("id").asLong(), recalled.toString());
            assertEquals(0.031, recalled.path("decisions").path(0).path("decision").path("outcome").asDouble());
            JsonNode asOfBefore = ok(client, "recall_similar_decisions", Map.of("marketContext", market, "exact", true,
                    "asOf", beforeDecision.toString()));
            assertEquals(0, asOfBefore.path("decisions").size(), "as of before the decision, it is not there: " + asOfBefore);

            JsonNode next = ok(client, "get_agent_context", Map.of("features", market.get("features"), "symbol", "AAPL"));
            assertEquals(id, next.path("decisions").path(0).path("decision").path("id").asLong(), "the next context holds it: " + next);
        }
        try (McpSyncClient other = client("eve-" + UUID.randomUUID())) {
            McpSchema.CallToolResult read = call(other, "get_decision", Map.of("id", id));
            assertTrue(read.isError(), text(read));
            assertTrue(text(read).contains("not found"), text(read));
            assertEquals(0, ok(other, "recall_similar_decisions", Map.of("marketContext", market, "exact", true)).path("decisions").size());
            assertTrue(call(other, "record_outcome", Map.of("decisionId", id, "outcome", 0.5)).isError(), "another user's decision");
        }
    }

    @Test
    void sessionEventsWrittenThroughToolsAreInTheContextOfThatSessionOnly() {
        String session = "mcp-session-" + UUID.randomUUID();
        try (McpSyncClient client = client(user)) {
            ok(client, "add_session_event", Map.of("sessionId", session, "type", "price_seen", "payload", Map.of("symbol", "AAPL", "price", 187.25)));
            JsonNode events = ok(client, "get_session_events", Map.of("sessionId", session));
            assertEquals(1, events.path("events").size(), events.toString());
            assertEquals("price_seen", events.path("events").path(0).path("type").asText());
            JsonNode context = ok(client, "get_agent_context", Map.of("sessionId", session));
            assertEquals(187.25, context.path("workingMemory").path(0).path("payload").path("price").asDouble(), context.toString());
            assertRefused(client, "add_session_event", Map.of("sessionId", "no spaces", "type", "x", "payload", Map.of()), "sessionId");
            assertRefused(client, "add_session_event", Map.of("sessionId", session, "type", "a/b", "payload", Map.of()), "type");
        }
        try (McpSyncClient other = client("eve-" + UUID.randomUUID())) {
            assertTrue(call(other, "get_session_events", Map.of("sessionId", session)).isError(), "another user's session is not found");
        }
    }

    @Test
    void theDecisionPromptCarriesTheContextForTheMarketNow() {
        try (McpSyncClient client = client(user)) {
            McpSchema.Prompt decide = client.listPrompts().prompts().stream().filter(p -> p.name().equals("decide")).findFirst().orElseThrow();
            assertTrue(decide.arguments().stream().anyMatch(a -> a.name().equals("features") && Boolean.TRUE.equals(a.required())));
            McpSchema.GetPromptResult prompt = client.getPrompt(McpSchema.GetPromptRequest.builder("decide")
                    .arguments(Map.of("symbol", "AAPL", "features", "{\"rsi_14\": 61.5}", "strategyId", "7")).build());
            String text = ((McpSchema.TextContent) prompt.messages().get(0).content()).text();
            assertTrue(text.contains("\"contextId\"") && text.contains("record_decision"), text);
            assertThrows(McpError.class, () -> client.getPrompt(McpSchema.GetPromptRequest.builder("decide")
                    .arguments(Map.of("symbol", "AAPL", "features", "rsi high")).build()), "features that are no JSON object");
        }
    }

    @Test
    void aServiceThatCannotBeReachedIsAToolErrorSayingSo() {
        // portfolio-service and strategy-service do not run beside this module's tests
        try (McpSyncClient client = client(user)) {
            McpSchema.CallToolResult portfolio = call(client, "get_portfolio", Map.of("portfolioId", 1));
            assertTrue(portfolio.isError(), text(portfolio));
            assertTrue(text(portfolio).contains("portfolio-service could not be reached"), text(portfolio));
            assertTrue(call(client, "get_strategy_performance", Map.of("strategyId", 1)).isError());
        }
    }

    @Test
    void aBadArgumentIsAToolErrorNamingItAndStoresNothing() {
        try (McpSyncClient client = client(user)) {
            Map<String, Object> good = Map.of("strategyId", 7, "symbol", "AAPL", "decisionType", "BUY", "confidence", 0.7, "marketContext", market);
            assertRefused(client, "record_decision", with(good, "confidence", 1.5), "confidence");
            assertRefused(client, "record_decision", with(good, "confidence", "high"), "confidence");
            assertRefused(client, "record_decision", with(good, "decisionType", "MAYBE"), "decisionType");
            assertRefused(client, "record_decision", with(good, "decidedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()), "decidedAt");
            assertRefused(client, "record_decision", with(good, "marketContext", Map.of("features", Map.of())), "marketContext.features");
            assertRefused(client, "record_decision", with(good, "symbol", "AA\u0000PL"), "symbol");
            assertRefused(client, "record_decision", with(good, "reasoning", "bounce\u0000"), "reasoning");
            assertRefused(client, "get_agent_context", Map.of("k", 0), "k");
            assertRefused(client, "recall_similar_decisions", Map.of("marketContext", market, "k", 500), "k");
            assertEquals(0, ok(client, "recall_similar_decisions", Map.of("marketContext", market, "exact", true)).path("decisions").size(),
                    "nothing was recorded behind a refusal");
        }
    }

    @Test
    void aSessionThisReplicaDidNotOpenIsA404SoTheClientOpensANewOne() {
        // the tools keep nothing per session: a session is the protocol's handshake, which each replica keeps for itself
        RestAssured.given().header("Authorization", Tokens.bearer(Tokens.agent(user))).header("Mcp-Session-Id", UUID.randomUUID().toString())
                .contentType("application/json").accept("application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                .post("/mcp").then().statusCode(404);
    }

    @Test
    void withoutAValidTokenTheServerDoesNotAnswer() {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}";
        RestAssured.given().contentType("application/json").accept("application/json, text/event-stream").body(initialize)
                .post("/mcp").then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer not-a-token").contentType("application/json")
                .accept("application/json, text/event-stream").body(initialize).post("/mcp").then().statusCode(401);
        assertThrows(RuntimeException.class, () -> {
            try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base()).endpoint("/mcp").build())
                    .requestTimeout(Duration.ofSeconds(10)).build()) {
                client.initialize();
            }
        });
    }

    private static McpSyncClient client(String user) {
        return McpAgents.connect(base(), user);
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    private static void assertRefused(McpSyncClient client, String tool, Map<String, Object> arguments, String argument) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        assertTrue(Boolean.TRUE.equals(result.isError()), tool + " " + arguments + " was answered: " + text(result));
        assertTrue(text(result).contains(argument), tool + ": the error names " + argument + ": " + text(result));
    }

    private static Map<String, Object> with(Map<String, Object> arguments, String name, Object value) {
        var changed = new java.util.HashMap<>(arguments);
        changed.put(name, value);
        return changed;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
