package io.finagent.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.platform.problem.Problem;
import io.finagent.platform.problem.ProblemException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Problems answered on the router, before or outside a REST resource (the token check, the body
 * limit, the cache's read routes): written as {@code ProblemMappers} writes a resource's, with
 * the problem's status and headers and {@code application/problem+json}.
 */
@ApplicationScoped
public class RouterProblems {

    private final ObjectMapper json;

    public RouterProblems(ObjectMapper json) {
        this.json = json;
    }

    public void write(RoutingContext rc, ProblemException e) {
        String body;
        try {
            body = json.writeValueAsString(e.problem());
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("a problem is always JSON", unexpected);
        }
        e.headers().forEach(rc.response()::putHeader);
        rc.response().setStatusCode(e.problem().status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
