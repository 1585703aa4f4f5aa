package io.finagent.cache.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "finagent.cache")
public interface CacheConfig {

    /** Most entries L1 holds in one process; the least recently used go first. */
    @WithDefault("1000")
    int l1MaxEntries();

    /** The time to live of a PUT that names none. */
    @WithDefault("5m")
    Duration defaultTtl();

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

    /** Prefix of every Redis key and channel of this cache, so that it shares a Redis safely. */
    @WithDefault("finagent:cache:")
    String redisPrefix();
}
