-- Down of V0_3: events no longer carry the trace that wrote them.
ALTER TABLE outbox_events DROP COLUMN traceparent;
