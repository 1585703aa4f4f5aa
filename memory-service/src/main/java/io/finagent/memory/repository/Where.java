package io.finagent.memory.repository;

import java.util.HashMap;
import java.util.Map;

/** A user's rows narrowed by optional conditions: a condition whose value is null is left out. */
final class Where {

    private final StringBuilder clause = new StringBuilder("userId = :userId");
    private final Map<String, Object> parameters = new HashMap<>();

    private Where(String userId) {
        parameters.put("userId", userId);
    }

    static Where owner(String userId) {
        return new Where(userId);
    }

    /** Adds {@code field op :name} when {@code value} is not null. */
    Where and(String field, String op, String name, Object value) {
        if (value != null) {
            clause.append(" and ").append(field).append(' ').append(op).append(" :").append(name);
            parameters.put(name, value);
        }
        return this;
    }

    Where and(String field, Object value) {
        return and(field, "=", field, value);
    }

    /** A fixed condition with no parameter. */
    Where and(String condition) {
        clause.append(" and ").append(condition);
        return this;
    }

    String clause() {
        return clause.toString();
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
