package io.finagent.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * A stopping service stops taking events before its pools close. Quarkus closes the connection
 * pools as it begins to stop, while the Kafka consumers go on for seconds: each event taken then
 * failed against a closed pool, and the stop logged "Failed to commit transaction" (the inbox makes
 * the event right either way, but the log cried wolf at every deployment). So at the
 * {@code ShutdownEvent}, before any other observer, every incoming channel is paused, and the stop
 * waits, up to {@link #DRAIN}, for the events the inbox has begun. An event not begun is not
 * acknowledged: the next start, or another replica, takes it from the broker.
 *
 * <p>Hence every incoming channel must be pausable ({@code mp.messaging.incoming.<channel>.pausable=true}):
 * a service with one that is not refuses to start, naming it.
 */
@ApplicationScoped
public class ConsumersStop {

    private static final Logger LOG = Logger.getLogger(ConsumersStop.class);
    /** Well within Kubernetes' default grace period (30 s), with room for the rest of the stop. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final ChannelRegistry channels;
    private final Inbox inbox;

    public ConsumersStop(ChannelRegistry channels, Inbox inbox) {
        this.channels = channels;
        this.inbox = inbox;
    }

    void requirePausable(@Observes StartupEvent event) {
        List<String> notPausable = channels.getIncomingNames().stream().filter(name -> channels.getPausable(name) == null).sorted()
                .map(name -> "mp.messaging.incoming." + name + ".pausable=" + ConfigProvider.getConfig()
                        .getOptionalValue("mp.messaging.incoming." + name + ".pausable", String.class).orElse("(unset)"))
                .toList();
        if (!notPausable.isEmpty()) {
            throw new IllegalStateException("incoming channels not pausable: " + notPausable
                    + "; a stop could not finish their events before the pools close: set each to true");
        }
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) throws InterruptedException {
        long started = System.nanoTime();
        List<String> paused = channels.getIncomingNames().stream().sorted().toList();
        paused.forEach(name -> {
            PausableChannel channel = channels.getPausable(name);
            if (channel != null) {
                channel.pause();
            }
        });
        int begun = inbox.applying();
        long deadline = started + DRAIN.toNanos();
        while (inbox.applying() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        LOG.infof("consumers of %s paused with %d events begun; %d not finished after %d ms", paused, begun, inbox.applying(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
