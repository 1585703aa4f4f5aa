package io.finagent.memory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "finagent.memories")
public interface MemoryConfig {

    /** A memory's relevance halves with each half-life since it was learned. */
    @WithDefault("30d")
    Duration relevanceHalfLife();

    /** Lessons', episodes' and patterns' markets a replica holds in memory, all users together (about 100 bytes each with six features). */
    @WithDefault("1000000")
    int marketsHeld();

    /** How long a context no decision cites is kept (a cited one is kept as long as its decision). */
    @WithDefault("7d")
    Duration uncitedContextRetention();
}
