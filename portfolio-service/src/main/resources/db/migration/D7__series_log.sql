-- Down of V7: the series' log and what restores bring back of the store.
DROP TABLE series_resets;
DROP TABLE series_restores;
DROP TRIGGER series_backlog_changes ON series_backlog;
DROP INDEX series_backlog_unsent;
ALTER TABLE series_backlog DROP COLUMN recorded_in, DROP COLUMN sent_at;
