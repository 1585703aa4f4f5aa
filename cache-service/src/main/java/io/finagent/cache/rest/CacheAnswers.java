package io.finagent.cache.rest;

import io.finagent.cache.service.TieredCache;
import io.finagent.platform.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;

/** What a read answers: the value found, or a 404 problem saying why (a miss, a known absence, or the caller's lease to load). */
final class CacheAnswers {

    private CacheAnswers() {
    }

    /** A leased read: the value, or a 404 that hands this caller the lease ({@code X-Cache-Lease}), or a plain miss. */
    static TieredCache.Found hit(TieredCache.Read read, String what, Duration leaseTime) {
        if (read.lease() == null) {
            return hit(read.found(), what);
        }
        throw ProblemException.notFound("cached", what + " (you hold the lease to load it for " + leaseTime.toSeconds() + " s)")
                .header("X-Cache-Lease", read.lease());
    }

    static TieredCache.Found hit(TieredCache.Found found, String what) {
        if (found == null) {
            throw ProblemException.notFound("cached", what);
        }
        Instant expiresAt = found.value().expiresAt();
        if (found.value().isAbsent()) {
            throw ProblemException.notFound("cached", what + " (known absent until " + expiresAt + ")")
                    .header("X-Cache-Absent", "true").header("X-Cache-Level", found.level()).header("X-Cache-Expires-At", expiresAt);
        }
        return found;
    }
}
