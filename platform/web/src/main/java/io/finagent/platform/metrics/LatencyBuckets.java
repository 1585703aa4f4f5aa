package io.finagent.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Arrays;

/**
 * Request latency as Prometheus histogram buckets ({@code http_server_requests_seconds_bucket}),
 * so dashboards can take p95 of recall across replicas. A dozen fixed buckets rather than
 * Micrometer's percentile histogram (~70 per series), to keep the series count small.
 */
@Singleton
public class LatencyBuckets {

    private static final double[] SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles(0.5, 0.95, 0.99) // the performance report's, over the last minutes
                        .serviceLevelObjectives(Arrays.stream(SECONDS).map(s -> s * 1e9).toArray()) // timers count in nanoseconds
                        .build().merge(config);
            }
        };
    }
}
