-- The change capture of V0_2, with a short way for the common key, a single "id" column: its key is
-- built from that column instead of the whole row made JSON first. Measured on decision_history
-- (50,000 inserts): 65 µs a row with the generic trigger, 53 µs with this, 34 µs with none.
CREATE OR REPLACE FUNCTION finagent_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    new_key JSONB;
    old_key JSONB;
BEGIN
    IF TG_NARGS = 1 AND TG_ARGV[0] = 'id' THEN
        IF TG_OP <> 'DELETE' THEN
            new_key := jsonb_build_object('id', NEW.id);
            INSERT INTO row_changes (table_name, row_key) VALUES (TG_TABLE_NAME, new_key);
        END IF;
        IF TG_OP <> 'INSERT' THEN
            old_key := jsonb_build_object('id', OLD.id);
            IF old_key IS DISTINCT FROM new_key THEN
                INSERT INTO row_changes (table_name, row_key) VALUES (TG_TABLE_NAME, old_key);
            END IF;
        END IF;
        RETURN NULL;
    END IF;
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
