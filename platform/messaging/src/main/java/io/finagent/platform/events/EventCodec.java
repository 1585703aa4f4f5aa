package io.finagent.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.InputStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes and reads the cluster's CloudEvents. Reading checks the envelope and the data against
 * the event's JSON Schema first, so a bad message is rejected with a precise reason.
 */
public final class EventCodec {

    private static final String ENVELOPE_SCHEMA = "schemas/cloudevent.v1.json";

    private final ObjectMapper mapper;
    private final Schema envelopeSchema;
    private final Map<EventType, Schema> dataSchemas = new EnumMap<>(EventType.class);

    public EventCodec() {
        // Own mapper: the wire format must not change with a service's REST JSON settings.
        this.mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        this.envelopeSchema = schemas.getSchema(resource(ENVELOPE_SCHEMA));
        for (EventType type : EventType.values()) {
            dataSchemas.put(type, schemas.getSchema(resource(type.schemaResource())));
        }
    }

    public CloudEvent envelope(EventType type, String source, String subject, Object data, Instant time) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), source, type.cloudEventType(), time,
                subject, "application/json", mapper.valueToTree(data));
    }

    public String write(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialised", e);
        }
    }

    public ReceivedEvent<?> read(String json) {
        JsonNode tree = parse(json);
        check(envelopeSchema, tree, "envelope");
        EventType type = EventType.ofCloudEventType(tree.get("type").asText());
        check(dataSchemas.get(type), tree.get("data"), "data");
        try {
            CloudEvent envelope = mapper.treeToValue(tree, CloudEvent.class);
            Object data = mapper.treeToValue(envelope.data(), type.payloadClass());
            return new ReceivedEvent<>(envelope.id(), type, envelope.source(), envelope.time(), envelope.subject(), data);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("event does not bind to its contract: " + e.getMessage(), e);
        }
    }

    /** Reads an event that must be of the given type. */
    @SuppressWarnings("unchecked")
    public <T> ReceivedEvent<T> read(String json, EventType expected) {
        ReceivedEvent<?> event = read(json);
        if (event.type() != expected) {
            throw new InvalidEventException("expected " + expected.cloudEventType() + " but got " + event.type().cloudEventType());
        }
        return (ReceivedEvent<T>) event;
    }

    private JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty message");
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void check(Schema schema, JsonNode node, String part) {
        List<com.networknt.schema.Error> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            // each as "$.field: what is wrong"
            String reasons = errors.stream().map(com.networknt.schema.Error::toString).sorted().collect(Collectors.joining("; "));
            throw new InvalidEventException("invalid " + part + ": " + reasons);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EventCodec.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing schema " + name);
        }
        return in;
    }

}
