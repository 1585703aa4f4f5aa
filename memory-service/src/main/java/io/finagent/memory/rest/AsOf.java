package io.finagent.memory.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The instant an as-of read answers for: the one asked, or now when none was asked or it is still
 * to come (the future is not known yet). To the microsecond, as PostgreSQL keeps instants, so that
 * the {@code asOf} an answer carries, asked again, means exactly the same instant.
 */
final class AsOf {

    private AsOf() {
    }

    static Instant of(Instant asked) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return asked == null || asked.isAfter(now) ? now : asked.truncatedTo(ChronoUnit.MICROS);
    }
}
