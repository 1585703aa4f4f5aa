package io.finagent.cache.rest;

import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.rest.EdgeParameters;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** A read route's path and query parameters, checked as the resources' are: a 400 problem naming the parameter. */
final class RouteParameters {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private RouteParameters() {
    }

    /** No parameter PostgreSQL could not store (U+0000), by the platform's rule for every endpoint. */
    static void refuseUnstorable(RoutingContext rc) {
        if (EdgeParameters.mayHoldU0000(rc.request().uri())) {
            rc.pathParams().forEach(EdgeParameters::refuse);
            rc.queryParams().forEach(EdgeParameters::refuse);
        }
    }

    /** A path or query parameter that must match {@code regex}. */
    static String required(RoutingContext rc, String name, String regex, String rule) {
        String value = rc.request().getParam(name);
        if (value == null || !PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(value).matches()) {
            throw ProblemException.invalid(name, rule);
        }
        return value;
    }

    /** A query parameter that may be left out, and must match {@code regex} when given. */
    static String optional(RoutingContext rc, String name, String regex, String rule) {
        return rc.request().getParam(name) == null ? null : required(rc, name, regex, rule);
    }

    /** An optional whole number above 0. */
    static Integer positive(RoutingContext rc, String name, String rule) {
        String value = rc.request().getParam(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as a number out of range is
        }
        throw ProblemException.invalid(name, rule);
    }
}
