package io.finagent.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * One operation of a service's OpenAPI document: its method and path template, its parameters,
 * the schema of its JSON body (resolved, or null when it takes none), the statuses it documents, and
 * whether it changes the service's schema (an admin's migration or rollback, never sent as an admin).
 */
record Operation(String method, String path, List<Parameter> parameters, JsonNode body, Set<String> documented, boolean schemaChanging) {

    /** A path, query or header parameter and its schema. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    List<Parameter> in(String where) {
        return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
