-- Down of V3: no more change capture of the cache's tables.
DROP TRIGGER symbols_metadata_changes ON symbols_metadata;
DROP TRIGGER cache_entries_changes ON cache_entries;
DROP TRIGGER market_data_cache_changes ON market_data_cache;
