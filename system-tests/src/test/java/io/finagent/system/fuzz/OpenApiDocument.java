package io.finagent.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finagent.platform.migration.MigrationResource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The operations a service documents at {@code /q/openapi}, with every {@code $ref} resolved. */
final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final int MAX_DEPTH = 8;

    private final JsonNode document;

    OpenApiDocument(String json) throws Exception {
        this.document = new ObjectMapper().readTree(json);
    }

    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().properties().iterator(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                List<Operation.Parameter> parameters = new ArrayList<>();
                for (JsonNode p : path.getValue().path("parameters")) {
                    parameters.add(parameter(resolve(p, 0)));
                }
                for (JsonNode p : op.getValue().path("parameters")) {
                    parameters.add(parameter(resolve(p, 0)));
                }
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                Set<String> documented = new TreeSet<>();
                op.getValue().path("responses").fieldNames().forEachRemaining(documented::add);
                out.add(new Operation(op.getKey().toUpperCase(), path.getKey(), parameters,
                        body.isMissingNode() ? null : resolve(body, 0), documented,
                        op.getValue().path(MigrationResource.SCHEMA_CHANGING).asBoolean(false)));
            }
        }
        return out;
    }

    private Operation.Parameter parameter(JsonNode p) {
        return new Operation.Parameter(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(),
                p.path("schema"));
    }

    /** A copy of the node with each {@code $ref} replaced by what it names, down to a depth (schemas may recurse). */
    private JsonNode resolve(JsonNode node, int depth) {
        if (node.isObject() && node.has("$ref")) {
            if (depth > MAX_DEPTH) {
                return new ObjectMapper().createObjectNode();
            }
            String[] parts = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            return resolve(target, depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            node.properties().forEach(e -> copy.set(e.getKey(), resolve(e.getValue(), depth)));
            return copy;
        }
        if (node.isArray()) {
            var copy = new ObjectMapper().createArrayNode();
            node.forEach(n -> copy.add(resolve(n, depth)));
            return copy;
        }
        return node;
    }
}
