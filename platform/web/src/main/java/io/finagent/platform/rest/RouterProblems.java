package io.finagent.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.platform.problem.Problem;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.problem.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * Problems answered on the router, before or outside a REST resource (the token check, the body
 * limit, reactive routes such as the cache's reads): written as {@code ProblemMappers} writes a
 * resource's, with the problem's status and headers and {@code application/problem+json}. A route
 * under {@code /api/} that fails (a thrown {@link ProblemException}, a role it lacks) is answered
 * here, so a new route needs no error handling of its own.
 */
@ApplicationScoped
public class RouterProblems {

    private final ObjectMapper json;

    public RouterProblems(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route("/api/*").failureHandler(this::failed);
    }

    public void write(RoutingContext rc, ProblemException e) {
        write(rc, e.problem(), e.headers());
    }

    private void write(RoutingContext rc, Problem problem, Map<String, String> headers) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("a problem is always JSON", unexpected);
        }
        headers.forEach(rc.response()::putHeader);
        rc.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }

    /** A route's failure, mapped as every other way in maps one ({@link Problems#of(Throwable)}). */
    private void failed(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure == null || rc.response().headWritten()) {
            rc.next(); // a bare status (Vert.x's own 404, 405) or a response already under way
        } else if (failure instanceof ProblemException thrown) {
            write(rc, thrown);
        } else {
            Problem problem = Problems.of(failure);
            write(rc, problem, problem.status() == 401 ? ProblemException.unauthenticated().headers() : Map.of());
        }
    }
}
