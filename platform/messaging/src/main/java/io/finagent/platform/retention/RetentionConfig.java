package io.finagent.platform.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long the event tables keep what they no longer need (platform/retention/EventRetention). */
@ConfigMapping(prefix = "finagent.retention")
public interface RetentionConfig {

    /** A published outbox row is kept this long after it went out (to see what was sent), then deleted. */
    @WithDefault("7d")
    Duration publishedEvents();

    /**
     * An inbox row is kept this long after its event was applied: longer than the broker keeps a
     * message (Kafka's default, 7 days), so that any redelivery still finds it and changes nothing.
     */
    @WithDefault("8d")
    Duration receivedEvents();

    /** Rows deleted per statement: short transactions, and two replicas at it at once skip each other's rows. */
    @WithDefault("5000")
    int batchSize();

    /** Pause between passes, in the scheduler's form. */
    @WithDefault("1h")
    String interval();
}
