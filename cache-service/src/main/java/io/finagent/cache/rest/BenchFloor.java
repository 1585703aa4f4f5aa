package io.finagent.cache.rest;

import io.finagent.cache.config.CacheConfig;
import io.finagent.platform.security.Roles;
import io.quarkus.vertx.web.Route;
import io.quarkus.vertx.web.Route.HttpMethod;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code GET /api/v1/floor}: what a read costs before any cache work (routing, the token and role
 * check, a constant), for {@code bin/bench cache} to measure the reads against. Off unless
 * {@code finagent.cache.bench-floor=true} (bin/bench sets it): then it is a 404.
 */
@ApplicationScoped
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class BenchFloor {

    private final boolean enabled;

    public BenchFloor(CacheConfig config) {
        this.enabled = config.benchFloor();
    }

    @Route(path = "/api/v1/floor", methods = HttpMethod.GET)
    void floor(RoutingContext rc) {
        if (!enabled) {
            rc.next(); // no other route: 404
            return;
        }
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end("{}");
    }
}
