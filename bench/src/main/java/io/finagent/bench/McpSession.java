package io.finagent.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** An MCP session with memory-service (initialize, then initialized), for the tool calls wrk sends (wrk/mcp.lua). */
final class McpSession {

    private McpSession() {
    }

    /** The Mcp-Session-Id of a new session. */
    static String open(String base, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> initialized = http.send(request(base, token, null, """
                {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},
                 "clientInfo":{"name":"finagent-bench","version":"1"}}}"""), HttpResponse.BodyHandlers.ofString());
        String session = initialized.headers().firstValue("Mcp-Session-Id")
                .orElseThrow(() -> new IllegalStateException("initialize answered " + initialized.statusCode() + ": " + initialized.body()));
        http.send(request(base, token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                HttpResponse.BodyHandlers.discarding());
        return session;
    }

    /** One tool call's answer (its JSON-RPC result, as the server wrote it). */
    static String call(String base, String token, String session, String tool, String arguments) throws Exception {
        return HttpClient.newHttpClient().send(request(base, token, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}"), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpRequest request(String base, String token, String session, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/mcp")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token);
        return (session == null ? request : request.header("Mcp-Session-Id", session)).build();
    }
}
