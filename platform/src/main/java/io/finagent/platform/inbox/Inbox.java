package io.finagent.platform.inbox;

import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.finagent.platform.events.ReceivedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.function.Function;

/**
 * Applies a consumed event at most once per consumer: the event id is recorded in the same
 * transaction as the effect, so a redelivery or replay finds it and changes nothing. A message
 * that does not parse or match its schema fails, and the channel sends it to the DLQ.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String RECORD = """
            INSERT INTO inbox_events (consumer, event_id, event_type) VALUES (:consumer, :id, :type)
            ON CONFLICT DO NOTHING""";

    private final EventCodec codec;
    private final MeterRegistry registry;

    public Inbox(EventCodec codec, MeterRegistry registry) {
        this.codec = codec;
        this.registry = registry;
    }

    public <T> Uni<Void> consume(String consumer, String message, EventType type, Function<ReceivedEvent<T>, Uni<?>> effect) {
        return Uni.createFrom().item(() -> codec.<T>read(message, type))
                .chain(event -> apply(consumer, event, effect));
    }

    private <T> Uni<Void> apply(String consumer, ReceivedEvent<T> event, Function<ReceivedEvent<T>, Uni<?>> effect) {
        String topic = event.type().topic();
        return Panache.withTransaction(() -> firstDelivery(consumer, event)
                        .chain(first -> {
                            if (!first) {
                                LOG.debugf("%s already applied event %s", consumer, event.id());
                                registry.counter("finagent.inbox.duplicates", "consumer", consumer, "type", topic).increment();
                                return Uni.createFrom().voidItem();
                            }
                            return effect.apply(event).replaceWithVoid();
                        }))
                .invoke(() -> registry.counter("finagent.inbox.consumed", "consumer", consumer, "type", topic).increment());
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
