package io.finagent.platform.inbox;

import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.finagent.platform.events.InvalidEventException;
import io.finagent.platform.events.ReceivedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Function;

/**
 * Applies a consumed event at most once per consumer: the event id is recorded in the same
 * transaction as the effect, so a redelivery or replay finds it and changes nothing. A message
 * that does not parse or match its schema fails, and the channel sends it to the DLQ.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** About half a minute of back-off in all. */
    private static final int RETRIES = 8;
    private static final String RECORD = """
            INSERT INTO inbox_events (consumer, event_id, event_type) VALUES (:consumer, :id, :type)
            ON CONFLICT DO NOTHING""";

    private final EventCodec codec;
    private final MeterRegistry registry;
    private final EventsInProgress inProgress;

    public Inbox(EventCodec codec, MeterRegistry registry, EventsInProgress inProgress) {
        this.codec = codec;
        this.registry = registry;
        this.inProgress = inProgress;
    }

    /**
     * Applies the event once. A failure of the effect (a store briefly away) is retried with
     * back-off before the message is given up to the DLQ; an effect that rejects an event for good
     * throws {@link io.finagent.platform.events.InvalidEventException}, which is not retried.
     */
    public <T> Uni<Void> consume(String consumer, String message, EventType type, Function<ReceivedEvent<T>, Uni<?>> effect) {
        return inProgress.track(Uni.createFrom().item(() -> codec.<T>read(message, type))
                .chain(event -> apply(consumer, event, effect)
                        .onFailure(e -> !(e instanceof InvalidEventException))
                        .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(RETRIES)));
    }

    private <T> Uni<Void> apply(String consumer, ReceivedEvent<T> event, Function<ReceivedEvent<T>, Uni<?>> effect) {
        return Panache.withTransaction(() -> firstDelivery(consumer, event)
                .chain(first -> {
                    if (!first) {
                        LOG.debugf("%s already applied event %s", consumer, event.id());
                        count("finagent.inbox.duplicates", consumer, event);
                        return Uni.createFrom().voidItem();
                    }
                    return effect.apply(event).invoke(() -> count("finagent.inbox.applied", consumer, event)).replaceWithVoid();
                }));
    }

    private void count(String metric, String consumer, ReceivedEvent<?> event) {
        registry.counter(metric, "consumer", consumer, "type", event.type().cloudEventType()).increment();
    }

    private Uni<Boolean> firstDelivery(String consumer, ReceivedEvent<?> event) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("id", event.id())
                        .setParameter("type", event.type().cloudEventType())
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
