-- What the retention of events (platform/retention/EventRetention) deletes by, oldest first:
-- published outbox rows and inbox rows past their keep.
CREATE INDEX outbox_events_published ON outbox_events (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX inbox_events_received ON inbox_events (received_at);
