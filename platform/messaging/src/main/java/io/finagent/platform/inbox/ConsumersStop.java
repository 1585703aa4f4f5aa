package io.finagent.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * A stopping service stops taking events before its pools close. Quarkus closes the connection
 * pools as it begins to stop, while the Kafka consumers go on for seconds: an event taken then
 * failed against a closed pool, and the stop logged "Failed to commit transaction" or "Failed to
 * rollback transaction" (the inbox kept the event right either way, but the log cried wolf at every
 * deployment). So at the {@code ShutdownEvent}, before any other observer, every incoming channel
 * is paused, and the stop waits, up to {@link #DRAIN}, until no event begun is left
 * ({@link EventsInProgress}) for {@link #QUIET}: an event already past the pause may not have begun
 * yet. An event not begun is not acknowledged: the next start, or another replica, takes it.
 *
 * <p>Hence every incoming channel is pausable (the platform's default for the Kafka connector): a
 * service that turns it off for a channel refuses to start, naming it, before any channel connects.
 */
@ApplicationScoped
public class ConsumersStop {

    private static final Logger LOG = Logger.getLogger(ConsumersStop.class);
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    /** Well within Kubernetes' default grace period (30 s), with room for the rest of the stop. */
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** An event handed on just before the pause may not have begun: none for this long means none is coming. */
    private static final Duration QUIET = Duration.ofMillis(100);

    private final ChannelRegistry channels;
    private final EventsInProgress inProgress;
    private final Config config;

    public ConsumersStop(ChannelRegistry channels, EventsInProgress inProgress, Config config) {
        this.channels = channels;
        this.inProgress = inProgress;
        this.config = config;
    }

    void requirePausable(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        List<String> notPausable = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .map(INCOMING::matcher).filter(Matcher::matches).map(m -> m.group(1)).distinct().sorted()
                .filter(channel -> !pausable(channel))
                .map(channel -> "mp.messaging.incoming." + channel + ".pausable=" + setting(channel, String.class).orElse("(unset)"))
                .toList();
        if (!notPausable.isEmpty()) {
            throw new IllegalStateException("incoming channels not pausable: " + notPausable
                    + "; a stop could not finish their events before the pools close: set each to true");
        }
    }

    private boolean pausable(String channel) {
        return setting(channel, Boolean.class).orElse(false); // as SmallRye reads it
    }

    /** The channel's own pausable setting, else its connector's. */
    private <T> Optional<T> setting(String channel, Class<T> type) {
        String connector = config.getValue("mp.messaging.incoming." + channel + ".connector", String.class);
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".pausable", type)
                .or(() -> config.getOptionalValue("mp.messaging.connector." + connector + ".pausable", type));
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        long started = System.nanoTime();
        List<String> paused = new ArrayList<>();
        for (String name : channels.getIncomingNames().stream().sorted().toList()) {
            PausableChannel channel = channels.getPausable(name);
            if (channel == null) {
                LOG.warnf("consumers of %s cannot be paused: the stop cannot finish their events", name);
            } else {
                channel.pause();
                paused.add(name);
            }
        }
        int begun = inProgress.count();
        try {
            awaitNoneInProgress(started + DRAIN.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        int left = inProgress.count();
        if (left == 0) {
            LOG.infof("consumers of %s paused with %d events begun; 0 not finished after %d ms", paused, begun, ms);
        } else {
            LOG.warnf("consumers of %s paused with %d events begun; %d not finished after %d ms: they fail as the pools close,"
                    + " and the broker gives them to the next start", paused, begun, left, ms);
        }
    }

    private void awaitNoneInProgress(long deadline) throws InterruptedException {
        long quietSince = System.nanoTime();
        for (long now = quietSince; now < deadline; now = System.nanoTime()) {
            if (inProgress.count() > 0) {
                quietSince = now;
            } else if (now - quietSince >= QUIET.toNanos()) {
                return;
            }
            Thread.sleep(5);
        }
    }
}
