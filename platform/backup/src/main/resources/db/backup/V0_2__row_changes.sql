-- Change capture for incremental and differential backups (platform version 0.x, see V0_1).
-- A service attaches the trigger to each table it backs up, naming the key columns:
--   CREATE TRIGGER positions_changes AFTER INSERT OR UPDATE OR DELETE ON positions
--       FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
-- A backup reads in one snapshot and keeps it (pg_current_snapshot()) as its watermark; the next
-- delta takes the changes whose transaction that snapshot did not see, so a transaction that
-- committed late is never skipped, and a deletion is a key that changed and no longer exists.
CREATE TABLE row_changes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name TEXT        NOT NULL,
    row_key    JSONB       NOT NULL,
    xid        XID8        NOT NULL DEFAULT pg_current_xact_id(),
    changed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX row_changes_table ON row_changes (table_name, id);

-- the key columns of a row, as JSON: {"id": 42}
CREATE FUNCTION finagent_row_key(source JSONB, columns TEXT[]) RETURNS JSONB
    LANGUAGE sql IMMUTABLE AS $$ SELECT jsonb_object_agg(c, source -> c) FROM unnest(columns) AS c $$;

CREATE FUNCTION finagent_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    new_key JSONB;
    old_key JSONB;
BEGIN
    IF TG_OP <> 'DELETE' THEN
        new_key := finagent_row_key(to_jsonb(NEW), TG_ARGV);
        INSERT INTO row_changes (table_name, row_key) VALUES (TG_TABLE_NAME, new_key);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_key := finagent_row_key(to_jsonb(OLD), TG_ARGV);
        IF old_key IS DISTINCT FROM new_key THEN -- a delete, or an update that moved the row to another key
            INSERT INTO row_changes (table_name, row_key) VALUES (TG_TABLE_NAME, old_key);
        END IF;
    END IF;
    RETURN NULL;
END $$;
