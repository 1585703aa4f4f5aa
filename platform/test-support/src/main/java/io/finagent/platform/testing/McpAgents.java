package io.finagent.platform.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** An agent connected to memory-service's MCP endpoint with the official MCP Java SDK client, as the tests drive the tools. */
public final class McpAgents {

    /** Amounts stay the decimals the tools wrote. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private McpAgents() {
    }

    /** A user's initialized session with the service at {@code baseUrl} (its /mcp), authenticated by a test token. */
    public static McpSyncClient connect(String baseUrl, String user) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", Tokens.bearer(Tokens.agent(user)))).build();
        McpSyncClient client = McpClient.sync(transport).clientInfo(McpSchema.Implementation.builder("finagent-test-agent", "1.0").build())
                .requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    public static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    /** The tool's answer as JSON; a tool error fails the test with its text. */
    public static JsonNode ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " refused: " + text(result));
        }
        try {
            return JSON.readTree(text(result));
        } catch (Exception e) {
            throw new AssertionError(tool + " answered no JSON: " + text(result), e);
        }
    }

    public static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
