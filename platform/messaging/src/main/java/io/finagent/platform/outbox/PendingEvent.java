package io.finagent.platform.outbox;

import java.util.UUID;

/** An outbox row not yet acknowledged by the broker; {@code traceparent} null when written outside a trace. */
public record PendingEvent(UUID id, String topic, String key, String payload, String traceparent) {
}
