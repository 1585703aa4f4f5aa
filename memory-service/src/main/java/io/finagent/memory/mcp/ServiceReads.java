package io.finagent.memory.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.platform.performance.ServiceCalls;
import io.finagent.platform.security.CurrentUser;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.enterprise.context.RequestScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tool's read of another service, on the caller's behalf: the request carries the caller's own
 * bearer token, so that service scopes the answer to the caller exactly as it scopes a REST call
 * (another user's portfolio is not found). Its answer becomes the tool's; its refusal a tool error
 * with the problem's detail; a service that cannot answer, a tool error saying so.
 */
@RequestScoped
public class ServiceReads {

    private final ServiceCalls calls;
    private final CurrentUser user;
    private final ObjectMapper json;

    public ServiceReads(ServiceCalls calls, CurrentUser user, ObjectMapper json) {
        this.calls = calls;
        this.user = user;
        this.json = json;
    }

    /** GET {@code service + path}, with the query parameters that are not null. */
    public ToolResponse get(String serviceName, URI service, String path, Map<String, Object> query) {
        URI uri = URI.create(service.toString().replaceAll("/+$", "") + path + queryString(query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .header("Authorization", "Bearer " + user.rawToken()).header("Accept", "application/json");
        try {
            HttpResponse<String> response = calls.read(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() < 300) {
                return ToolResponse.success(new TextContent(response.body()));
            }
            String detail = detail(response.body());
            return ToolResponse.error(response.statusCode() >= 500
                    ? serviceName + " could not answer (" + detail + "); try again" : detail);
        } catch (IOException e) {
            return ToolResponse.error(serviceName + " could not be reached (" + e + "); try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResponse.error(serviceName + " was not asked: the call was interrupted");
        }
    }

    public static Map<String, Object> query(Object... namesAndValues) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    private static String queryString(Map<String, Object> query) {
        String joined = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }

    /** The problem's detail (which names the argument), or the body itself when it is no problem. */
    private String detail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (IOException notJson) {
            // fall through: say what came back
        }
        return body == null || body.isBlank() ? "no detail" : body.substring(0, Math.min(body.length(), 500));
    }
}
