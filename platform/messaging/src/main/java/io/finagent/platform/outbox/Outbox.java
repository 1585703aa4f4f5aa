package io.finagent.platform.outbox;

import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.finagent.platform.tracing.Traceparent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Records an integration event in the caller's transaction. Nothing is sent here: the
 * {@link OutboxRelay} publishes it once the transaction has committed, so an event exists
 * exactly when its business change does.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_events (id, topic, event_key, event_type, payload, created_at, traceparent)
            VALUES ($1, $2, $3, $4, $5, $6, $7)""";
    private static final String INSERT_NAMED = """
            INSERT INTO outbox_events (id, topic, event_key, event_type, payload, created_at, traceparent)
            VALUES (:id, :topic, :key, :type, :payload, :createdAt, :traceparent)""";

    /**
     * An event to record: its type, subject (the Kafka key), data and time, and the trace it is
     * published in ({@link Traceparent}; null for none).
     */
    public record Entry(EventType type, String subject, Object data, Instant time, String traceparent) {

        /** An event of the trace current where it is created. */
        public Entry(EventType type, String subject, Object data, Instant time) {
            this(type, subject, data, time, Traceparent.current());
        }
    }

    private final EventCodec codec;
    private final String source;

    public Outbox(EventCodec codec, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.codec = codec;
        this.source = "/finagent/" + applicationName;
    }

    /** Records the events on a Vert.x connection inside the caller's transaction, in one round trip. */
    public Uni<Void> addAll(SqlConnection connection, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = entries.stream().map(e -> {
            Row row = row(e);
            return Tuple.tuple(Arrays.asList(row.event().id(), row.topic(), e.subject(), row.event().type(), row.payload(), row.createdAt(),
                    e.traceparent()));
        }).toList();
        return connection.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    /** Records the event in the caller's Panache transaction (which must be open): it commits or rolls back with it. */
    public Uni<Void> add(Entry entry) {
        Row row = row(entry);
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_NAMED)
                        .setParameter("id", row.event().id())
                        .setParameter("topic", row.topic())
                        .setParameter("key", entry.subject())
                        .setParameter("type", row.event().type())
                        .setParameter("payload", row.payload())
                        .setParameter("createdAt", row.createdAt())
                        .setParameter("traceparent", entry.traceparent())
                        .executeUpdate())
                .replaceWithVoid();
    }

    private record Row(CloudEvent event, String topic, String payload, OffsetDateTime createdAt) {
    }

    private Row row(Entry e) {
        CloudEvent event = codec.envelope(e.type(), source, e.subject(), e.data(), e.time());
        return new Row(event, e.type().topic(), codec.write(event), OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC));
    }
}
