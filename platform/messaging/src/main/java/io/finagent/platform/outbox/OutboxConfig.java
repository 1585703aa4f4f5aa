package io.finagent.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "finagent.outbox")
public interface OutboxConfig {

    /** Build-time switch: only services that produce events run the relay. */
    @WithDefault("false")
    boolean enabled();

    /** Pause between relay passes, in the scheduler's form ("1s", "5s"; the scheduler runs nothing more often than each second). */
    @WithDefault("1s")
    String pollInterval();

    /** Most events published in one transaction; a run repeats passes until one is short. */
    @WithDefault("500")
    int batchSize();

    /** How long a send may wait for the broker before the pass gives up and retries later. */
    @WithDefault("10s")
    Duration sendTimeout();
}
