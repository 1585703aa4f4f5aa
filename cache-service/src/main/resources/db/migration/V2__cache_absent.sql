-- absent: the entry is a stored "known absent" answer (the value column then holds JSON null),
-- so that a miss the caller already paid for is not paid again until it expires.
ALTER TABLE cache_entries ADD COLUMN absent BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE market_data_cache ADD COLUMN absent BOOLEAN NOT NULL DEFAULT FALSE;
