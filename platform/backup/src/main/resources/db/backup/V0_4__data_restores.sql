-- Every restore of a service's tables, written by the import in its own transaction: what a
-- replica keeps of those tables (an index, a cache) compares the newest id with the one it was
-- built at, and rebuilds when a restore came after. Not backed up: a restore adds to it.
CREATE TABLE data_restores (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tables      TEXT[]      NOT NULL,
    restored_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
