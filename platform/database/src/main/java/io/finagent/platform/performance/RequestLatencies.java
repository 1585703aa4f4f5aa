package io.finagent.platform.performance;

import io.finagent.platform.performance.PerformanceReport.RequestLatency;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Request latency from the server's own timers ({@code http.server.requests}, whose percentiles
 * {@link io.finagent.platform.metrics.LatencyBuckets} turns on): the same figures Prometheus scrapes.
 */
@ApplicationScoped
public class RequestLatencies {

    private final MeterRegistry registry;

    public RequestLatencies(MeterRegistry registry) {
        this.registry = registry;
    }

    public List<RequestLatency> all() {
        return registry.find("http.server.requests").timers().stream()
                .filter(t -> t.count() > 0)
                .map(RequestLatencies::latency)
                .sorted(Comparator.comparingDouble(RequestLatency::meanMs).reversed())
                .toList();
    }

    private static RequestLatency latency(Timer timer) {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        return new RequestLatency(timer.getId().getTag("method"), timer.getId().getTag("uri"), timer.getId().getTag("status"),
                snapshot.count(), snapshot.mean(TimeUnit.MILLISECONDS),
                percentile(snapshot, 0.5), percentile(snapshot, 0.95), percentile(snapshot, 0.99), snapshot.max(TimeUnit.MILLISECONDS));
    }

    private static Double percentile(HistogramSnapshot snapshot, double p) {
        for (ValueAtPercentile v : snapshot.percentileValues()) {
            if (v.percentile() == p) {
                return v.value(TimeUnit.MILLISECONDS);
            }
        }
        return null; // percentiles turned off for this timer
    }
}
