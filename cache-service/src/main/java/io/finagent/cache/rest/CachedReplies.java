package io.finagent.cache.rest;

import io.finagent.cache.service.TieredCache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Function;

/**
 * A read route's answer: the value found, with its level and times in headers, or the failure
 * handed to the router, where the platform's {@code RouterProblems} writes it as problem+json.
 */
final class CachedReplies {

    private CachedReplies() {
    }

    /** {@code answer} turns what the read found into the reply (or throws the 404's problem); one step, so one subscription. */
    static <T> void send(RoutingContext rc, Uni<T> read, Function<T, TieredCache.Found> answer) {
        read.subscribe().with(found -> {
            try {
                send(rc, answer.apply(found));
            } catch (RuntimeException refused) {
                rc.fail(refused);
            }
        }, rc::fail);
    }

    private static void send(RoutingContext rc, TieredCache.Found found) {
        HttpServerResponse response = rc.response()
                .putHeader("X-Cache-Level", found.level().name())
                .putHeader("X-Cache-Stored-At", found.value().storedAt().toString())
                .putHeader("X-Cache-Expires-At", found.value().expiresAt().toString());
        if (found.value().dataTime() != null) {
            response.putHeader("X-Market-Data-Time", found.value().dataTime().toString());
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(found.value().json());
    }
}
