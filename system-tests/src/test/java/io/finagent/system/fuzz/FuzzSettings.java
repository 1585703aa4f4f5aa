package io.finagent.system.fuzz;

/**
 * The seed and the number of requests a service of a fuzz run: 20261203 and 2,000 in CI,
 * {@code -Dfinagent.fuzz.seed=…} / {@code -Dfinagent.fuzz.count=…} for a longer run ({@code bin/fuzz}).
 */
public final class FuzzSettings {

    private FuzzSettings() {
    }

    public static long seed() {
        return Long.getLong("finagent.fuzz.seed", 20261203L);
    }

    public static int count() {
        return Integer.getInteger("finagent.fuzz.count", 2000);
    }
}
