package io.finagent.platform.performance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The thresholds of the index advice and the performance report ({@code finagent.performance.*}). */
@ConfigMapping(prefix = "finagent.performance")
public interface PerformanceConfig {

    /** A statement whose mean time reaches this is slow. */
    @WithDefault("1s")
    Duration slowQuery();

    /** A table from this many live rows up is large: its sequential scans are worth an index. */
    @WithDefault("10000")
    long largeTableRows();

    /** The statements, by total time, whose plans the advice examines. */
    @WithDefault("20")
    int advisedStatements();

    /** A hypothetical index is suggested when the plan's cost falls by at least this fraction. */
    @WithDefault("0.5")
    double minCostReduction();

    /** How often the report's database figures are read into gauges (PerformanceGauges). */
    @WithDefault("60s")
    Duration gaugesInterval();

    /** How often each table's size is sampled (StorageSamples), and the wait before the first sample. */
    @WithDefault("1h")
    Duration storageSampleInterval();

    @WithDefault("1m")
    Duration storageSampleDelay();

    /** Storage samples older than this are deleted. */
    @WithDefault("90d")
    Duration storageHistory();
}
