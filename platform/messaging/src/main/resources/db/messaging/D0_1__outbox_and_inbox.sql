-- Down of V0_1: the outbox and the inbox, with the events in them.
DROP TABLE inbox_events;
DROP TABLE outbox_events;
