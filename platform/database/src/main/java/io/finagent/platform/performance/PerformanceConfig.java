package io.finagent.platform.performance;

import io.finagent.platform.config.ConfigMessages;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * {@code finagent.performance.*}: the timeouts and retries of calls to other services
 * ({@link ServiceCalls}), and the thresholds of the index advice and the performance report.
 */
@ConfigMapping(prefix = "finagent.performance")
public interface PerformanceConfig {

    /** The wait for a connection to another service. */
    @WithDefault("10s")
    @DurationMin(millis = 1, message = ConfigMessages.POSITIVE)
    Duration connectTimeout();

    /** The wait for another service's answer to begin (its status and headers). */
    @WithDefault("30s")
    @DurationMin(millis = 1, message = ConfigMessages.POSITIVE)
    Duration requestTimeout();

    /** Further attempts of an idempotent call refused by a connection, a timeout or a 502/503/504. */
    @WithDefault("2")
    @Min(value = 0, message = ConfigMessages.AT_LEAST)
    @Max(value = 10, message = ConfigMessages.AT_MOST)
    int retries();

    /** The wait before the first retry; it doubles with each. */
    @WithDefault("200ms")
    @DurationMin(millis = 1, message = ConfigMessages.POSITIVE)
    Duration retryBackoff();

    /** A statement whose mean time reaches this is slow. */
    @WithDefault("1s")
    @DurationMin(millis = 1, message = ConfigMessages.POSITIVE)
    Duration slowQuery();

    /** A table from this many live rows up is large: its sequential scans are worth an index. */
    @WithDefault("10000")
    @Min(value = 1, message = ConfigMessages.AT_LEAST)
    long largeTableRows();

    /** The statements, by total time, whose plans the advice examines. */
    @WithDefault("20")
    @Min(value = 1, message = ConfigMessages.AT_LEAST)
    @Max(value = 1000, message = ConfigMessages.AT_MOST)
    int advisedStatements();

    /** A hypothetical index is suggested when the plan's cost falls by at least this fraction. */
    @WithDefault("0.5")
    @DecimalMin(value = "0", message = ConfigMessages.AT_LEAST)
    @DecimalMax(value = "1", message = ConfigMessages.AT_MOST)
    double minCostReduction();

    /** How often the report's database figures are read into gauges (PerformanceGauges). */
    @WithDefault("60s")
    @DurationMin(millis = 1, message = ConfigMessages.POSITIVE)
    Duration gaugesInterval();

    /** How often each table's size is sampled (StorageSamples), and the wait before the first sample. */
    @WithDefault("1h")
    @DurationMin(millis = 1, message = ConfigMessages.POSITIVE)
    Duration storageSampleInterval();

    @WithDefault("1m")
    Duration storageSampleDelay();

    /** Storage samples older than this are deleted. */
    @WithDefault("90d")
    @DurationMin(days = 1, message = ConfigMessages.A_DAY_OR_MORE)
    Duration storageHistory();
}
