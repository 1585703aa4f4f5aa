-- The recall index of every replica follows decision_history (memory-service README, "The
-- recall index"): new rows by id, removed ones through decision_removals, restores through the
-- platform's data_restores.

-- A decision leaves (the archiver): its id, recorded by the same statement. A restore runs with
-- triggers off and is followed through data_restores instead.
CREATE TABLE decision_removals (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decision_id BIGINT      NOT NULL,
    removed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION finagent_record_decision_removals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO decision_removals (decision_id) SELECT id FROM removed;
    RETURN NULL;
END $$;

CREATE TRIGGER decision_history_removals AFTER DELETE ON decision_history
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION finagent_record_decision_removals();

-- This database, as a durable index names it: an index built from another database (dropped and
-- created again, another cluster) must not be followed here, since ids start over.
CREATE TABLE recall_index_origin (
    database_id UUID NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()
);
INSERT INTO recall_index_origin DEFAULT VALUES;
