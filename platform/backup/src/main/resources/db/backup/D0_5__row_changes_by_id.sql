-- Down of V0_5: the change capture of V0_2 again, without the short way for a single "id" key.
CREATE OR REPLACE FUNCTION finagent_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
