-- market_data_cache in monthly partitions of created_at (docs/partitions.md), with its rows. A
-- partitioned table's unique keys must hold the partition column: the primary key becomes
-- (id, created_at), and a key's one row is kept by its writers instead (DatabaseLevel: one writer
-- of a key at a time, an advisory lock, updating the row when there is one). A rewrite moves the
-- row to the month it was written in. Lookups by key use ix_market_data_cache_key_pattern.
ALTER TABLE market_data_cache DROP CONSTRAINT uq_market_data_cache_key;
SELECT finagent_partition_by_month('market_data_cache', 'created_at', 3);
