package io.finagent.platform.validation;

import java.time.Duration;
import java.time.Instant;

/**
 * The instants a client may name. Something that happened (a decision, an outcome, an event) lies
 * between {@link #FLOOR} and a minute from now: clocks of agents drift a little, further ahead is a
 * mistake. A point in time to read as of may lie anywhere up to {@link #CEILING} (a future one
 * means now). Beyond these, PostgreSQL stores {@code infinity} or Java overflows in arithmetic.
 */
public final class Instants {

    /** Before any market data a backtest has. */
    public static final Instant FLOOR = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant CEILING = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private Instants() {
    }

    /** Why the instant cannot be something that happened, or null when it can. */
    public static String happenedRule(Instant t, Instant now) {
        if (t.isBefore(FLOOR)) {
            return "must not be before " + FLOOR;
        }
        return t.isAfter(now.plus(CLOCK_SKEW)) ? "must not be more than a minute in the future" : null;
    }

    public static boolean readable(Instant t) {
        return !t.isBefore(FLOOR) && !t.isAfter(CEILING);
    }
}
