package io.finagent.platform.rest;

import io.finagent.platform.problem.Problem;
import io.finagent.platform.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Path and query parameters of every endpoint: the character U+0000 (written {@code %00}) is
 * refused with a 400 naming the parameter as the client wrote it, before any resource sees it,
 * since PostgreSQL refuses it in text and the request would end in a 500. Bodies are checked by
 * {@link io.finagent.platform.json.EdgeJson}; headers cannot carry it (the HTTP server refuses them).
 */
public class EdgeParameters {

    @ServerRequestFilter
    public Optional<Response> refuseUnstorable(ContainerRequestContext request) {
        return refused("path parameter", request.getUriInfo().getPathParameters(true))
                .or(() -> refused("query parameter", request.getUriInfo().getQueryParameters(true)));
    }

    private static Optional<Response> refused(String kind, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean bad = parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0);
            if (bad) {
                String name = parameter.getKey().replace("\u0000", "%00");
                String message = "must not contain the character U+0000";
                Problem problem = Problem.of(ProblemType.VALIDATION, kind + " " + name + ": " + message,
                        List.of(new Problem.FieldError(name, message)));
                return Optional.of(Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build());
            }
        }
        return Optional.empty();
    }
}
