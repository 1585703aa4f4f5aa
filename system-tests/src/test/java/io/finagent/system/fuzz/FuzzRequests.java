package io.finagent.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests for the operations of an OpenAPI document: first a plausible one from the schemas
 * (so that the service gets past its outer checks), then one thing made hostile: a body field, a
 * path or query parameter, a header, or the body's JSON itself.
 */
final class FuzzRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "\u0001hostile\u0001";
    private static final List<String> KINDS = List.of("plausible", "body field", "body JSON", "path", "query", "headers");
    private static final List<String> NUMBERS = List.of("0.5", "1", "61.5", "0.021", "100.25");
    private static final List<String> WORDS = List.of("AAPL", "SPY", "momentum", "s-1", "BTC-USD", "note");

    private final String agentToken;
    private final String adminToken;

    /**
     * Tokens of one user: as an agent, and (one request in five) as an admin, so that the admin
     * endpoints are fuzzed past their 403; but never an admin's to an operation that changes the
     * schema (a plausible rollback would succeed: its own tests drive it).
     */
    FuzzRequests(String agentToken, String adminToken) {
        this.agentToken = agentToken;
        this.adminToken = adminToken;
    }

    /** One request: an operation of the document, made plausible, then one part of it hostile. */
    FuzzRequest next(Draws draws, List<Operation> operations) {
        Operation op = draws.pick(operations);
        String kind = KINDS.get(draws.weighted(2, op.body() != null ? 6 : 0, 2, op.in("path").isEmpty() ? 0 : 3,
                op.in("query").isEmpty() ? 0 : 3, 1));
        String path = path(draws, op);
        String query = query(draws, op);
        String body = op.body() == null ? null : write(plausible(draws, op.body(), 0));
        int pick = draws.between(0, 1_000_000);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + (draws.chance(0.2) && !op.schemaChanging() ? adminToken : agentToken));
        switch (kind) {
            case "body field" -> body = withHostileField(body, HostileValues.json(draws), pick);
            case "body JSON" -> body = mangled(body, draws.anyString(40), pick);
            case "path" -> path = withSegment(op, HostileValues.url(draws), pick);
            case "query" -> query = withQueryValue(op, query, HostileValues.url(draws), pick);
            case "headers" -> hostileHeaders(headers, pick);
            default -> {
            }
        }
        if (body != null) {
            headers.putIfAbsent("Content-Type", "application/json");
        }
        return new FuzzRequest(op, kind, path + (query.isEmpty() ? "" : "?" + query), headers, body);
    }

    // ---- plausible parts, from the schemas

    private String path(Draws draws, Operation op) {
        String path = op.path();
        for (Operation.Parameter p : op.in("path")) {
            path = path.replace("{" + p.name() + "}", plausibleText(draws, p.schema()));
        }
        return path;
    }

    private String query(Draws draws, Operation op) {
        List<String> pairs = new ArrayList<>();
        for (Operation.Parameter p : op.in("query")) {
            if (draws.chance(0.5)) {
                pairs.add(p.name() + "=" + plausibleText(draws, p.schema()));
            }
        }
        return String.join("&", pairs);
    }

    private String plausibleText(Draws draws, JsonNode schema) {
        JsonNode node = plausible(draws, schema, 0);
        return URLEncoder.encode(node.isTextual() ? node.asText() : node.toString(), StandardCharsets.UTF_8);
    }

    private JsonNode plausible(Draws draws, JsonNode schema, int depth) {
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return draws.pick(values);
        }
        if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode first = schema.has("allOf") ? schema.get("allOf").get(0) : schema.has("oneOf") ? schema.get("oneOf").get(0) : schema.get("anyOf").get(0);
            return plausible(draws, first, depth);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        return switch (type) {
            case "integer" -> NODES.numberNode(draws.between(1L, 5000L));
            case "number" -> NODES.numberNode(new BigDecimal(draws.pick(NUMBERS)));
            case "boolean" -> NODES.booleanNode(draws.chance(0.5));
            case "string" -> "date-time".equals(schema.path("format").asText())
                    ? NODES.textNode(Instant.now().minusSeconds(draws.between(60L, 86_400L * 365)).toString())
                    : NODES.textNode(draws.pick(WORDS));
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = depth > 4 ? 0 : draws.between(0, 3); i > 0; i--) {
                    array.add(plausible(draws, schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "object" -> object(draws, schema, depth);
            default -> NODES.objectNode().put("rsi_14", 50);
        };
    }

    private JsonNode object(Draws draws, JsonNode schema, int depth) {
        if (depth > 4 || !schema.has("properties")) {
            return NODES.objectNode().put("rsi_14", 50).put("ret_5d", 0.01);
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        ObjectNode object = NODES.objectNode();
        schema.get("properties").properties().forEach(e -> {
            if (required.contains(e.getKey()) || draws.chance(0.7)) {
                object.set(e.getKey(), plausible(draws, e.getValue(), depth + 1));
            }
        });
        return object;
    }

    // ---- one thing made hostile

    /** A field of the body (any depth) replaced by a hostile JSON value. */
    private static String withHostileField(String body, String hostile, int pick) {
        try {
            JsonNode root = JSON.readTree(body);
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(pick % containers.size());
            if (target instanceof ObjectNode object) {
                List<String> fields = new ArrayList<>();
                object.fieldNames().forEachRemaining(fields::add);
                object.put(fields.isEmpty() ? "unknownField" : fields.get(pick % fields.size()), HOLE);
            } else {
                ((ArrayNode) target).add(HOLE);
            }
            return write(root).replace(write(NODES.textNode(HOLE)), hostile);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    /** The body's JSON itself: a key twice, data after it, cut short, another type, or not JSON. */
    private static String mangled(String body, String text, int pick) {
        String json = body == null ? "{}" : body;
        return switch (pick % 8) {
            case 0 -> json.startsWith("{") && json.length() > 2 ? json.substring(0, json.length() - 1) + ", " + firstPair(json) + "}" : json + json;
            case 1 -> json + " {\"after\": 1}";
            case 2 -> json.substring(0, json.length() / 2);
            case 3 -> "[" + json + "]";
            case 4 -> text;
            case 5 -> "";
            case 6 -> "null";
            default -> "{" + "\"a\": {".repeat(2000) + "}".repeat(2001);
        };
    }

    private static String firstPair(String json) {
        try {
            var first = JSON.readTree(json).properties().iterator();
            if (first.hasNext()) {
                var e = first.next();
                return write(NODES.textNode(e.getKey())) + ": " + write(e.getValue());
            }
        } catch (Exception ignored) {
            // not an object: no pair to repeat
        }
        return "\"x\": 1, \"x\": 2";
    }

    private static String withSegment(Operation op, String url, int pick) {
        List<Operation.Parameter> params = op.in("path");
        String path = op.path();
        for (int i = 0; i < params.size(); i++) {
            path = path.replace("{" + params.get(i).name() + "}", i == pick % params.size() ? url : "1");
        }
        return path;
    }

    private static String withQueryValue(Operation op, String query, String url, int pick) {
        Operation.Parameter param = op.in("query").get(pick % op.in("query").size());
        return (query.isEmpty() ? "" : query + "&") + param.name() + "=" + url;
    }

    private static void hostileHeaders(Map<String, String> headers, int pick) {
        switch (pick % 6) {
            case 0 -> headers.remove("Authorization");
            case 1 -> headers.put("Authorization", "Bearer not-a-token");
            case 2 -> headers.put("Idempotency-Key", "k".repeat(101 + pick % 5000));
            case 3 -> headers.put("Idempotency-Key", " ");
            case 4 -> headers.put("Content-Type", "text/plain");
            default -> headers.put("Accept", "application/xml");
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
