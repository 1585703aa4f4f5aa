package io.finagent.platform.performance;

import java.time.Duration;

/** {@link PerformanceConfig}'s defaults but for the figures a test chooses. */
record TestPerformanceConfig(Duration slowQuery, Duration requestTimeout, int retries) implements PerformanceConfig {

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Duration retryBackoff() {
        return Duration.ofMillis(10);
    }

    @Override
    public long largeTableRows() {
        return 10_000;
    }

    @Override
    public int advisedStatements() {
        return 20;
    }

    @Override
    public double minCostReduction() {
        return 0.5;
    }

    @Override
    public Duration gaugesInterval() {
        return Duration.ofSeconds(60);
    }

    @Override
    public Duration storageSampleInterval() {
        return Duration.ofHours(1);
    }

    @Override
    public Duration storageSampleDelay() {
        return Duration.ofMinutes(1);
    }

    @Override
    public Duration storageHistory() {
        return Duration.ofDays(90);
    }
}
