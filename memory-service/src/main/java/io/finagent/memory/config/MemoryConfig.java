package io.finagent.memory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "finagent.memories")
public interface MemoryConfig {

    /** A memory's relevance halves with each half-life since it was last used (or created). */
    @WithDefault("30d")
    Duration relevanceHalfLife();
}
