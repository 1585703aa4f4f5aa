package io.finagent.portfolio.rest;

import io.finagent.platform.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;

/** The {@code interval} of a history: a count and a unit, s m h or d; at most 10,000 points a call. */
final class Intervals {

    static final String PATTERN = "^[1-9][0-9]{0,4}[smhd]$";
    static final String RULE = "must be a count and a unit s, m, h or d, such as 15m or 1d";
    private static final long MAX_POINTS = 10_000;

    private Intervals() {
    }

    static Duration parse(String interval) {
        long count = Long.parseLong(interval.substring(0, interval.length() - 1));
        return switch (interval.charAt(interval.length() - 1)) {
            case 's' -> Duration.ofSeconds(count);
            case 'm' -> Duration.ofMinutes(count);
            case 'h' -> Duration.ofHours(count);
            default -> Duration.ofDays(count);
        };
    }

    static void check(Instant from, Instant to, Duration interval) {
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(from, to).dividedBy(interval) > MAX_POINTS) {
            throw ProblemException.invalid("interval", "gives more than " + MAX_POINTS + " points between from and to; take a longer one");
        }
    }
}
