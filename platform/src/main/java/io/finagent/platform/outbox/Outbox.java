package io.finagent.platform.outbox;

import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * Records an integration event in the caller's transaction. Nothing is sent here: the
 * {@link OutboxRelay} publishes it once the transaction has committed, so an event exists
 * exactly when its business change does.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_events (id, topic, event_key, event_type, payload, created_at)
            VALUES (:id, :topic, :key, :type, :payload, :createdAt)""";

    private final EventCodec codec;
    private final String source;

    public Outbox(EventCodec codec, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.codec = codec;
        this.source = "/finagent/" + applicationName;
    }

    /** Must run inside a Panache transaction: the event commits or rolls back with it. */
    public Uni<CloudEvent> add(EventType type, String subject, Object data, Instant time) {
        CloudEvent event = codec.envelope(type, source, subject, data, time);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", event.id())
                        .setParameter("topic", type.topic())
                        .setParameter("key", subject)
                        .setParameter("type", event.type())
                        .setParameter("payload", codec.write(event))
                        .setParameter("createdAt", time)
                        .executeUpdate())
                .replaceWith(event);
    }
}
