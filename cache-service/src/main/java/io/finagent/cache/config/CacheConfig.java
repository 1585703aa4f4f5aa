package io.finagent.cache.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import io.finagent.cache.domain.Level;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

@ConfigMapping(prefix = "finagent.cache")
public interface CacheConfig {

    /** Most entries L1 holds in one process; the least recently used go first. */
    @WithDefault("1000")
    int l1MaxEntries();

    /** The time to live of a PUT that names none (the design's 3600 s). */
    @WithDefault("1h")
    Duration defaultTtl();

    /** How long a symbol's metadata stays in L1 and L2 once read (a write replaces it at once, on every replica). */
    @WithDefault("1h")
    Duration symbolTtl();

    /** How old an analysis a read accepts when it names no {@code maxAge} (the design's 3600 s). */
    @WithDefault("1h")
    Duration analysisMaxAge();

    /** The longest time to live a PUT may ask for. */
    @WithDefault("30d")
    Duration maxTtl();

    /** Longest key, in characters (the L3 column holds 512 with the namespace). */
    @WithDefault("400")
    int maxKeyLength();

    /** Largest value, in bytes of its JSON; larger is a 413. */
    @WithDefault("1048576")
    int maxValueBytes();

    /** How often L3's expired rows are deleted (the scheduler's form: 60s, 5m). */
    @WithDefault("60s")
    String purgeInterval();

    /** Per market data type (realtime_price, daily_price, indicators, fundamentals, historical): its TTL and levels. */
    Map<String, Rule> marketData();

    /** AI analyses: their TTL and levels. */
    Rule analysis();

    /** Stampede protection: how long a lease to load a missing key lasts, and so how long the others wait at most. */
    @WithDefault("5s")
    Duration leaseTime();

    /** Where and how long one kind of data is kept. */
    interface Rule {
        Duration ttl();

        Set<Level> levels();
    }

    /** Where L2 keeps its values while Redis does not answer (one directory per replica). */
    @WithDefault("${java.io.tmpdir}/finagent-cache-l2")
    String fallbackDir();

    /** How often Redis is asked whether it is back while the file cache stands in for it. */
    @WithDefault("1s")
    String redisProbeInterval();

    /** Prefix of every Redis key and channel of this cache, so that it shares a Redis safely. */
    @WithDefault("finagent:cache:")
    String redisPrefix();

    /** Whether {@code GET /api/v1/floor}, what a read costs before any cache work, answers: only for {@code bin/bench cache}. */
    @WithDefault("false")
    boolean benchFloor();
}
