package io.finagent.platform.events;

import java.time.Instant;
import java.util.UUID;

/** A consumed event, checked against its schema, with its data bound to the contract class. */
public record ReceivedEvent<T>(UUID id, EventType type, String source, Instant time, String subject, T data) {
}
