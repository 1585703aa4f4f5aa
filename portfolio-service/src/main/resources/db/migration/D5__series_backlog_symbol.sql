-- Down of V5: a waiting point no longer names its symbol.
ALTER TABLE series_backlog DROP COLUMN symbol;
