package io.finagent.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requests for the operations of an OpenAPI document: first a plausible one from the schemas
 * (so that the service gets past its outer checks), then one thing made hostile: a body field, a
 * path or query parameter, a header, or the body's JSON itself.
 */
final class FuzzRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "\u0001hostile\u0001";

    private final String token;

    FuzzRequests(String token) {
        this.token = token;
    }

    Arbitrary<FuzzRequest> of(List<Operation> operations) {
        return Arbitraries.of(operations).flatMap(this::request);
    }

    private Arbitrary<FuzzRequest> request(Operation op) {
        Arbitrary<String> kind = Arbitraries.frequency(
                Tuple.of(2, "plausible"), Tuple.of(op.body() != null ? 6 : 0, "body field"), Tuple.of(2, "body JSON"),
                Tuple.of(op.in("path").isEmpty() ? 0 : 3, "path"), Tuple.of(op.in("query").isEmpty() ? 0 : 3, "query"),
                Tuple.of(1, "headers"));
        return Combinators.combine(kind, path(op), query(op), body(op), HostileValues.json(), HostileValues.url(), texts(),
                Arbitraries.integers().between(0, 1_000_000)).as((k, path, query, body, hostile, url, text, pick) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + token);
            String p = path;
            String q = query;
            String b = body;
            switch (k) {
                case "body field" -> b = withHostileField(body, hostile, pick);
                case "body JSON" -> b = mangled(body, text, pick);
                case "path" -> p = withSegment(op, url, pick);
                case "query" -> q = withQueryValue(op, q, url, pick);
                case "headers" -> hostileHeaders(headers, pick);
                default -> {
                }
            }
            if (b != null) {
                headers.putIfAbsent("Content-Type", "application/json");
            }
            return new FuzzRequest(op, k, p + (q.isEmpty() ? "" : "?" + q), headers, b);
        });
    }

    // ---- plausible parts, from the schemas

    private Arbitrary<String> path(Operation op) {
        List<Arbitrary<String>> values = op.in("path").stream().map(p -> plausibleText(p.schema())).toList();
        return values.isEmpty() ? Arbitraries.just(op.path()) : Combinators.combine(values).as(filled -> {
            String path = op.path();
            for (int i = 0; i < filled.size(); i++) {
                path = path.replace("{" + op.in("path").get(i).name() + "}", filled.get(i));
            }
            return path;
        });
    }

    private Arbitrary<String> query(Operation op) {
        List<Arbitrary<Optional<String>>> values = op.in("query").stream()
                .map(p -> plausibleText(p.schema()).map(v -> p.name() + "=" + v).optional())
                .toList();
        return values.isEmpty() ? Arbitraries.just("") : Combinators.combine(values)
                .as(pairs -> String.join("&", pairs.stream().flatMap(Optional::stream).toList()));
    }

    private Arbitrary<String> body(Operation op) {
        return op.body() == null ? Arbitraries.just(null) : plausible(op.body(), 0).map(FuzzRequests::write);
    }

    private Arbitrary<String> plausibleText(JsonNode schema) {
        return plausible(schema, 0).map(node -> node.isTextual() ? node.asText() : node.toString())
                .map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8));
    }

    private Arbitrary<JsonNode> plausible(JsonNode schema, int depth) {
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode first = schema.has("allOf") ? schema.get("allOf").get(0) : schema.has("oneOf") ? schema.get("oneOf").get(0) : schema.get("anyOf").get(0);
            return plausible(first, depth);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        return switch (type) {
            case "integer" -> Arbitraries.longs().between(1, 5000).map(v -> (JsonNode) NODES.numberNode(v));
            case "number" -> Arbitraries.of("0.5", "1", "61.5", "0.021", "100.25").map(v -> (JsonNode) NODES.numberNode(new BigDecimal(v)));
            case "boolean" -> Arbitraries.of(true, false).map(v -> (JsonNode) NODES.booleanNode(v));
            case "string" -> "date-time".equals(schema.path("format").asText())
                    ? Arbitraries.longs().between(60, 86_400L * 365).map(ago -> (JsonNode) NODES.textNode(Instant.now().minusSeconds(ago).toString()))
                    : Arbitraries.of("AAPL", "SPY", "momentum", "s-1", "BTC-USD", "note").map(v -> (JsonNode) NODES.textNode(v));
            case "array" -> depth > 4 ? Arbitraries.just(NODES.arrayNode())
                    : plausible(schema.path("items"), depth + 1).list().ofMaxSize(3).map(items -> {
                        var array = NODES.arrayNode();
                        items.forEach(array::add);
                        return (JsonNode) array;
                    });
            case "object" -> object(schema, depth);
            default -> Arbitraries.just(NODES.objectNode().put("rsi_14", 50));
        };
    }

    private Arbitrary<JsonNode> object(JsonNode schema, int depth) {
        if (depth > 4 || !schema.has("properties")) {
            return Arbitraries.just(NODES.objectNode().put("rsi_14", 50).put("ret_5d", 0.01));
        }
        List<String> names = new ArrayList<>();
        List<Arbitrary<Optional<JsonNode>>> values = new ArrayList<>();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.get("properties").fields().forEachRemaining(e -> {
            names.add(e.getKey());
            Arbitrary<JsonNode> value = plausible(e.getValue(), depth + 1);
            values.add(required.contains(e.getKey()) ? value.map(Optional::of) : value.optional(0.7));
        });
        return Combinators.combine(values).as(filled -> {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                int at = i;
                filled.get(i).ifPresent(v -> object.set(names.get(at), v));
            }
            return (JsonNode) object;
        });
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
            var first = JSON.readTree(json).fields();
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

    private static Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
