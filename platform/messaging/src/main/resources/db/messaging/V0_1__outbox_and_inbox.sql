-- Platform tables for reliable events, shared by every service that produces or consumes them.
-- Versions 0.x belong to the platform so they never collide with a service's own V1, V2, ...

-- Events written in the same transaction as the business change; a relay publishes them.
CREATE TABLE outbox_events (
    id           UUID PRIMARY KEY,               -- the CloudEvent id, consumers' dedupe key
    topic        VARCHAR(200) NOT NULL,
    event_key    VARCHAR(200) NOT NULL,          -- Kafka key: the decision id keeps its events ordered
    event_type   VARCHAR(200) NOT NULL,
    payload      TEXT NOT NULL,                  -- the serialised CloudEvent, published byte for byte
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT
);
-- The relay only ever looks for what is still unpublished, oldest first.
CREATE INDEX outbox_events_unpublished ON outbox_events (created_at) WHERE published_at IS NULL;

-- Events a consumer has applied; inserted in the same transaction as the effect, so a replay is a no-op.
CREATE TABLE inbox_events (
    consumer    VARCHAR(100) NOT NULL,
    event_id    UUID NOT NULL,
    event_type  VARCHAR(200) NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
