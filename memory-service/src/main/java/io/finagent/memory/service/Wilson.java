package io.finagent.memory.service;

/**
 * The 95% Wilson score interval of a share of successes (z = 1.96): unlike the normal
 * approximation it stays within [0, 1] and is honest about few trials, so 2 of 2 is not 100%.
 */
final class Wilson {

    private static final double Z = 1.96;

    private Wilson() {
    }

    static double lower(long successes, long n) {
        return Math.max(0, centre(successes, n) - halfWidth(successes, n));
    }

    static double upper(long successes, long n) {
        return Math.min(1, centre(successes, n) + halfWidth(successes, n));
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
