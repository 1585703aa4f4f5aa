package io.finagent.memory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "finagent.working-memory")
public interface WorkingMemoryConfig {

    /** Events kept per session; the oldest is dropped when a new one arrives at the bound. */
    @WithDefault("1000")
    int capacity();

    /** A session with no new event for this long is forgotten, so RAM stays bounded. */
    @WithDefault("24h")
    Duration idleTimeout();
}
