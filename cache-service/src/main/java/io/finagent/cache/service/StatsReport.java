package io.finagent.cache.service;

import io.finagent.cache.domain.Level;
import io.finagent.cache.level.DatabaseLevel;
import io.finagent.cache.level.MemoryLevel;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * The cache's figures since start, per level and overall. They add up: each read counts once in
 * L1; an L1 miss is an L2 hit or an L2 miss; an L2 miss is an L3 hit or an L3 miss.
 */
@ApplicationScoped
public class StatsReport {

    /** One level: a null size is one that could not be read (Redis down). */
    public record LevelFigures(long hits, long misses, Double hitRatio, Long size, Long evictions) {
    }

    /** {@code hitRatio}: reads served from any level / reads; null before the first read. */
    public record Figures(long reads, long hits, Double hitRatio, Map<Level, LevelFigures> levels, long leaseWaits) {
    }

    private final CacheStats stats;
    private final MemoryLevel l1;
    private final ReactiveRedisDataSource redis;
    private final DatabaseLevel l3;

    public StatsReport(CacheStats stats, MemoryLevel l1, ReactiveRedisDataSource redis, DatabaseLevel l3) {
        this.stats = stats;
        this.l1 = l1;
        this.redis = redis;
        this.l3 = l3;
    }

    public Uni<Figures> figures() {
        Uni<Long> redisKeys = redis.execute("DBSIZE").map(r -> r.toLong()).onFailure().recoverWithNull();
        return Uni.combine().all().unis(redisKeys, l3.size()).asTuple().map(sizes -> {
            Map<Level, LevelFigures> levels = new EnumMap<>(Level.class);
            levels.put(Level.L1, level(Level.L1, l1.size(), l1.evictions()));
            levels.put(Level.L2, level(Level.L2, sizes.getItem1(), null));
            levels.put(Level.L3, level(Level.L3, sizes.getItem2(), null));
            long reads = stats.hits(Level.L1) + stats.misses(Level.L1);
            long hits = stats.hits(Level.L1) + stats.hits(Level.L2) + stats.hits(Level.L3);
            return new Figures(reads, hits, ratio(hits, reads), levels, stats.leaseWaits());
        });
    }

    private LevelFigures level(Level level, Long size, Long evictions) {
        long hits = stats.hits(level);
        long misses = stats.misses(level);
        return new LevelFigures(hits, misses, ratio(hits, hits + misses), size, evictions);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
