package io.finagent.platform.rest;

import io.finagent.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Path and query parameters of every endpoint: the character U+0000 (written {@code %00}) is
 * refused with a 400 naming the parameter as the client wrote it, before any resource sees it,
 * since PostgreSQL refuses it in text and the request would end in a 500. Bodies are checked by
 * {@link io.finagent.platform.json.EdgeJson}; headers cannot carry it (the HTTP server refuses them).
 * Routes on the router, outside JAX-RS, call {@link #refuse(String, String)} for each of theirs.
 */
public class EdgeParameters {

    @ServerRequestFilter
    public void refuseUnstorable(ContainerRequestContext request) {
        refuse(request.getUriInfo().getPathParameters(true));
        refuse(request.getUriInfo().getQueryParameters(true));
    }

    private static void refuse(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            parameter.getValue().forEach(value -> refuse(parameter.getKey(), value));
        }
    }

    /**
     * Whether a request's parameters can hold U+0000 at all: only written {@code %00}, since the
     * HTTP server refuses the raw byte. A route checks its parameters one by one only then, which
     * spares the hot reads the walk over them.
     */
    public static boolean mayHoldU0000(String rawUri) {
        return rawUri.contains("%00");
    }

    /** Thrown, so that the problem is written where every other one is ({@code ProblemMappers}, {@code RouterProblems}). */
    public static void refuse(String name, String value) {
        if (name.indexOf('\u0000') >= 0 || value != null && value.indexOf('\u0000') >= 0) {
            throw ProblemException.invalid(name.replace("\u0000", "%00"), "must not contain the character U+0000");
        }
    }
}
