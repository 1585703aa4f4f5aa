-- The change capture of V0_5, for partitioned tables too: a row trigger declared on a partitioned
-- table runs on its partitions, where TG_TABLE_NAME is the partition's name (decision_history_p2026_12);
-- a change is recorded under the table the service backs up, the partition tree's root.
CREATE OR REPLACE FUNCTION finagent_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    new_key JSONB;
    old_key JSONB;
    backed_up TEXT := coalesce(pg_partition_root(TG_RELID)::text, TG_TABLE_NAME);
BEGIN
    IF TG_NARGS = 1 AND TG_ARGV[0] = 'id' THEN
        IF TG_OP <> 'DELETE' THEN
            new_key := jsonb_build_object('id', NEW.id);
            INSERT INTO row_changes (table_name, row_key) VALUES (backed_up, new_key);
        END IF;
        IF TG_OP <> 'INSERT' THEN
            old_key := jsonb_build_object('id', OLD.id);
            IF old_key IS DISTINCT FROM new_key THEN
                INSERT INTO row_changes (table_name, row_key) VALUES (backed_up, old_key);
            END IF;
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_key := finagent_row_key(to_jsonb(NEW), TG_ARGV);
        INSERT INTO row_changes (table_name, row_key) VALUES (backed_up, new_key);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_key := finagent_row_key(to_jsonb(OLD), TG_ARGV);
        IF old_key IS DISTINCT FROM new_key THEN -- a delete, or an update that moved the row to another key
            INSERT INTO row_changes (table_name, row_key) VALUES (backed_up, old_key);
        END IF;
    END IF;
    RETURN NULL;
END $$;
