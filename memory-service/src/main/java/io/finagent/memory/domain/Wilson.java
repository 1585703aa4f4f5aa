package io.finagent.memory.domain;

/**
 * The 95% Wilson score interval of a share of successes (z = 1.96): unlike the normal
 * approximation it stays within [0, 1] and is honest about few trials, so 2 of 2 is not 100%.
 */
public final class Wilson {

    private static final double Z = 1.96;

    private Wilson() {
    }

    public static double lower(long successes, long n) {
        return Math.max(0, centre(successes, n) - halfWidth(successes, n));
    }

    public static double upper(long successes, long n) {
        return Math.min(1, centre(successes, n) + halfWidth(successes, n));
    }

    /**
     * A lesson's evidence: the lower bound over the outcomes of the decisions that cited it, with one
     * win and one loss added beforehand, so that an untried lesson (0.09) ranks below one its outcomes
     * bear out (10 of 10: 0.65) and above one they contradict (0 of 10: 0.01).
     */
    public static double evidence(long wins, long outcomes) {
        return lower(wins + 1, outcomes + 2);
    }

    private static double centre(long successes, long n) {
        double p = (double) successes / n;
        return (p + Z * Z / (2 * n)) / (1 + Z * Z / n);
    }

    private static double halfWidth(long successes, long n) {
        double p = (double) successes / n;
        return Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n)) / (1 + Z * Z / n);
    }
}
