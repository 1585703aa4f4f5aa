package io.finagent.cache.rest;

import io.finagent.cache.service.TieredCache;
import io.finagent.platform.problem.Problem;
import io.finagent.platform.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;

/** How a read answers: the JSON with its level and expiry, or a 404 problem (saying when the absence is known). */
final class CacheAnswers {

    private CacheAnswers() {
    }

    /** A leased read: the value, or a 404 that hands this caller the lease ({@code X-Cache-Lease}), or a plain miss. */
    static Response of(TieredCache.Read read, String what, Duration leaseTime) {
        if (read.lease() == null) {
            return of(read.found(), what);
        }
        Problem problem = ProblemException.notFound("cached", what + " (you hold the lease to load it for " + leaseTime.toSeconds() + " s)").problem();
        return Response.status(404).type("application/problem+json").entity(problem).header("X-Cache-Lease", read.lease()).build();
    }

    static Response of(TieredCache.Found found, String what) {
        if (found == null) {
            throw ProblemException.notFound("cached", what);
        }
        Instant expiresAt = found.value().expiresAt();
        if (found.value().isAbsent()) {
            Problem problem = ProblemException.notFound("cached", what + " (known absent until " + expiresAt + ")").problem();
            return Response.status(404).type("application/problem+json").entity(problem)
                    .header("X-Cache-Absent", "true").header("X-Cache-Level", found.level()).header("X-Cache-Expires-At", expiresAt).build();
        }
        return Response.ok(found.value().json(), MediaType.APPLICATION_JSON_TYPE)
                .header("X-Cache-Level", found.level()).header("X-Cache-Stored-At", found.value().storedAt())
                .header("X-Cache-Expires-At", expiresAt).build();
    }
}
