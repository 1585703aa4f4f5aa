package io.finagent.platform.rest;

import io.finagent.platform.problem.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Request bodies: every request is held to {@code finagent.http.max-body-size} (10 MiB), except
 * those to a {@link LargeBodyEndpoint}'s path (platform-backup's import, where a restore streams
 * a whole service's data, held only to Quarkus' own limit, which that module raises). One
 * announcing more in its {@code Content-Length} is refused before its body is read; one sent in
 * chunks is read by Vert.x's body handler, which counts as the chunks arrive: past the limit it
 * answers at once and discards the rest as it comes, keeping none of it. Both are a 413 naming
 * the body.
 */
@ApplicationScoped
public class RequestSizeLimit {

    private static final int TOO_LARGE = 413;

    private final long limit;
    private final RouterProblems problems;
    private final BodyHandler chunks;
    private final Set<String> exempt;

    public RequestSizeLimit(@ConfigProperty(name = "finagent.http.max-body-size", defaultValue = "10M") MemorySize limit,
                            RouterProblems problems, Instance<LargeBodyEndpoint> largeBodies) {
        this.limit = limit.asLongValue();
        this.exempt = largeBodies.stream().map(LargeBodyEndpoint::path).collect(Collectors.toUnmodifiableSet());
        this.problems = problems;
        this.chunks = BodyHandler.create(false).setBodyLimit(this.limit);
    }

    void register(@Observes Router router) {
        router.route().order(-3).handler(rc -> {
            if (exempt.contains(rc.request().path())) {
                rc.next();
                return;
            }
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                if (parse(length) > limit) {
                    rc.response().putHeader(HttpHeaders.CONNECTION, "close"); // its body is never read
                    refuse(rc);
                } else {
                    rc.next();
                }
            } else if (rc.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                chunks.handle(rc);
            } else {
                rc.next();
            }
        });
        router.route().order(-3).failureHandler(rc -> {
            if (rc.statusCode() == TOO_LARGE && rc.failure() == null && !rc.response().headWritten()) {
                refuse(rc);
            } else {
                rc.next();
            }
        });
    }

    private void refuse(RoutingContext rc) {
        problems.write(rc, ProblemException.tooLarge("body", "at most " + limit + " bytes"));
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
