package io.finagent.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The running cluster as the demo reaches it: the agent's loop through memory-service's MCP tools
 * (the official MCP Java SDK client), and over REST what is not the agent's to do through tools
 * (opening its strategy and portfolio, and the market's price feed).
 */
final class Cluster implements AutoCloseable {

    /** Amounts stay decimals as the services wrote them (0.0310000000), never doubles. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final AgentDay.Endpoints endpoints;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();
    private final McpSyncClient mcp;

    Cluster(AgentDay.Endpoints endpoints, String token) {
        this.endpoints = endpoints;
        this.token = token;
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(endpoints.memory().toString())
                .endpoint("/mcp").requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token)).build();
        this.mcp = McpClient.sync(transport).clientInfo(McpSchema.Implementation.builder("finagent-demo-agent", "1.0").build())
                .requestTimeout(Duration.ofSeconds(30)).build();
        mcp.initialize();
    }

    /** A tool's answer as JSON; a refusal stops the demo with the tool's message. */
    JsonNode tool(String name, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = mcp.callTool(McpSchema.CallToolRequest.builder(name).arguments(arguments).build());
        String text = result.content().isEmpty() || !(result.content().get(0) instanceof McpSchema.TextContent content) ? "" : content.text();
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException(name + " refused: " + text);
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(name + " answered no JSON: " + text, e);
        }
    }

    JsonNode postToStrategyService(String path, Object body) {
        return post(endpoints.strategy(), path, body);
    }

    JsonNode postToPortfolioService(String path, Object body) {
        return post(endpoints.portfolio(), path, body);
    }

    private JsonNode post(URI service, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("POST " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + service.resolve(path) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        mcp.closeGracefully();
    }
}
