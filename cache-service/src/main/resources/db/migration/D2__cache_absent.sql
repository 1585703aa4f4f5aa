-- Down of V2: the cache no longer remembers what is known to be absent.
ALTER TABLE market_data_cache DROP COLUMN absent;
ALTER TABLE cache_entries DROP COLUMN absent;
