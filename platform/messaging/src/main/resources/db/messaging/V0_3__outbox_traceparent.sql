-- The trace of the request that wrote the event (W3C traceparent, null when tracing is off): the
-- relay publishes the event in that trace, so one decision can be followed across services.
ALTER TABLE outbox_events ADD COLUMN traceparent VARCHAR(55);
