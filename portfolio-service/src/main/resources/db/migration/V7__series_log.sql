-- The time series in the backups. series_backlog becomes the log of the points recorded: a point
-- sent to the store stays (sent_at) until a full backup has seen it (recorded_in against that
-- backup's snapshot, when backup-service prunes the change log), so an incremental backup carries
-- the points recorded since the last one: its change capture records inserts only, as sending and
-- pruning change no data. A full backup carries the store's own export of each series besides.
ALTER TABLE series_backlog ADD COLUMN sent_at TIMESTAMPTZ;
ALTER TABLE series_backlog ADD COLUMN recorded_in XID8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX series_backlog_unsent ON series_backlog (id) WHERE sent_at IS NULL;
CREATE TRIGGER series_backlog_changes AFTER INSERT ON series_backlog
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');

-- What a restore brings back from a full backup's export of the store, sent before the backlog
-- once the store's series are emptied (series_resets): the store then holds exactly the backup's points.
CREATE TABLE series_restores (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    line        TEXT        NOT NULL,
    symbol      VARCHAR(32),
    restored_in XID8        NOT NULL DEFAULT pg_current_xact_id()
);
CREATE TABLE series_resets (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
