package io.finagent.cache.service;

import io.finagent.cache.domain.Level;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * Hits and misses per level, and lease waits, as Prometheus counters
 * ({@code finagent_cache_hits_total{level}}, {@code finagent_cache_misses_total{level}},
 * {@code finagent_cache_lease_waits_total}). A read that finds its key in L2 counts a miss in L1
 * and a hit in L2; a read that finds it nowhere counts a miss in each level.
 */
@ApplicationScoped
public class CacheStats {

    private final Map<Level, Counter> hits = new EnumMap<>(Level.class);
    private final Map<Level, Counter> misses = new EnumMap<>(Level.class);
    private final Counter leaseWaits;
    private final Counter afterStoreFailures;

    public CacheStats(MeterRegistry registry) {
        for (Level level : Level.values()) {
            hits.put(level, registry.counter("finagent.cache.hits", "level", level.name()));
            misses.put(level, registry.counter("finagent.cache.misses", "level", level.name()));
        }
        leaseWaits = registry.counter("finagent.cache.lease.waits");
        afterStoreFailures = registry.counter("finagent.cache.after.store.failures");
    }

    public void hit(Level level) {
        hits.get(level).increment();
    }

    public void miss(Level level) {
        misses.get(level).increment();
    }

    public void leaseWait() {
        leaseWaits.increment();
    }

    /** A copy, lease release or replica notice that failed after a value was stored (the request succeeded). */
    public void afterStoreFailure() {
        afterStoreFailures.increment();
    }

    public long hits(Level level) {
        return (long) hits.get(level).count();
    }

    public long misses(Level level) {
        return (long) misses.get(level).count();
    }

    public long leaseWaits() {
        return (long) leaseWaits.count();
    }
}
