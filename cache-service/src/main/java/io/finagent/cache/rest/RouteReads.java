package io.finagent.cache.rest;

import io.finagent.cache.service.TieredCache;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.rest.EdgeParameters;
import io.finagent.platform.rest.RouterProblems;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What every read route does around its read: authenticate the bearer token (401), require the
 * agent or admin role (403), check parameters (400 naming the field), and write the value with
 * its level and times, or the problem, as the JAX-RS resources' {@code ProblemMappers} would.
 */
@ApplicationScoped
public class RouteReads {

    private static final Logger LOG = Logger.getLogger(RouteReads.class);
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final IdentityProviderManager identities;
    private final RouterProblems problems;

    public RouteReads(IdentityProviderManager identities, RouterProblems problems) {
        this.identities = identities;
        this.problems = problems;
    }

    /** Runs {@code then} with the caller's user id once the token and role are checked; otherwise answers 401 or 403. */
    void authorized(RoutingContext rc, Consumer<String> then) {
        QuarkusHttpUser.getSecurityIdentity(rc, identities).subscribe().with(identity -> {
            if (identity.isAnonymous()) {
                problems.write(rc, ProblemException.unauthenticated());
            } else if (!identity.hasRole(Roles.AGENT) && !identity.hasRole(Roles.ADMIN)) {
                problems.write(rc, ProblemException.forbidden());
            } else {
                then.accept(CurrentUser.idOf(identity));
            }
        }, failure -> {
            if (failure instanceof AuthenticationFailedException) {
                problems.write(rc, ProblemException.unauthenticated());
            } else {
                failed(rc, failure);
            }
        });
    }

    /** An authorized read of parameters PostgreSQL can store: the value found (200), or the problem the read threw or failed with. */
    void serve(RoutingContext rc, Function<String, Uni<TieredCache.Found>> read) {
        authorized(rc, user -> {
            Uni<TieredCache.Found> found;
            try {
                rc.pathParams().forEach(EdgeParameters::refuse);
                rc.queryParams().forEach(EdgeParameters::refuse);
                found = read.apply(user);
            } catch (RuntimeException e) {
                failed(rc, e);
                return;
            }
            found.subscribe().with(hit -> value(rc, hit), failure -> failed(rc, failure));
        });
    }

    static void json(RoutingContext rc, int status, String body) {
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
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

    private static void value(RoutingContext rc, TieredCache.Found found) {
        rc.response().putHeader("X-Cache-Level", found.level().name())
                .putHeader("X-Cache-Stored-At", found.value().storedAt().toString())
                .putHeader("X-Cache-Expires-At", found.value().expiresAt().toString());
        if (found.value().dataTime() != null) {
            rc.response().putHeader("X-Market-Data-Time", found.value().dataTime().toString());
        }
        json(rc, 200, found.value().json());
    }

    private void failed(RoutingContext rc, Throwable failure) {
        if (failure instanceof ProblemException e) {
            problems.write(rc, e);
        } else {
            LOG.error("unexpected failure", failure);
            problems.write(rc, ProblemException.internal());
        }
    }

}
