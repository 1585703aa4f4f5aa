-- Down of V0_6: the retention's indexes.
DROP INDEX inbox_events_received;
DROP INDEX outbox_events_published;
