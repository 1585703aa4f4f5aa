-- The data's own time (the design's market_data_cache column): the instant a quote or a bar
-- describes, as its writer gave it (?dataTime=), beside created_at, when it was cached. NULL when
-- the writer did not say (rows cached before this step).
ALTER TABLE market_data_cache ADD COLUMN data_time TIMESTAMPTZ;
