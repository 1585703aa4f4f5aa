package io.finagent.platform.outbox;

import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Records an integration event in the caller's transaction. Nothing is sent here: the
 * {@link OutboxRelay} publishes it once the transaction has committed, so an event exists
 * exactly when its business change does.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_events (id, topic, event_key, event_type, payload, created_at)
            VALUES ($1, $2, $3, $4, $5, $6)""";

    /** An event to record: its type, subject (the Kafka key), data and time. */
    public record Entry(EventType type, String subject, Object data, Instant time) {
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
            CloudEvent event = codec.envelope(e.type(), source, e.subject(), e.data(), e.time());
            return Tuple.tuple(List.of(event.id(), e.type().topic(), e.subject(), event.type(), codec.write(event),
                    OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC)));
        }).toList();
        return connection.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }
}
