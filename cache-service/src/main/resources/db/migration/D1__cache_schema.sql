-- Down of V1: the cache's tables, with every row in them.
DROP TABLE symbols_metadata;
DROP TABLE cache_entries;
DROP TABLE market_data_cache;
