package io.finagent.memory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "finagent.working-memory")
public interface WorkingMemoryConfig {

    /** Events kept per session; the oldest (by occurredAt) is dropped when a new one arrives at the bound. */
    @WithDefault("1000")
    int capacity();

    /** A session with no new event for this long is forgotten: its Redis key expires. */
    @WithDefault("24h")
    Duration idleTimeout();

    /** Start of every working-memory key in Redis, so tests and other services keep apart. */
    @WithDefault("finagent:wm:")
    String redisPrefix();

    /** A Redis call that has not answered by then counts as Redis being down (503), rather than holding the request. */
    @WithDefault("1s")
    Duration timeout();
}
