-- Down of V0_10: the monthly partitions' functions (a service's partitioned table is made plain by its own down script first).
DROP FUNCTION finagent_unpartition(TEXT);
DROP FUNCTION finagent_partition_by_month(TEXT, TEXT, INTEGER);
DROP FUNCTION finagent_rebuild_table(TEXT, TEXT, INTEGER);
DROP FUNCTION finagent_take_indexes_keys_triggers(TEXT);
DROP FUNCTION finagent_create_month_partitions(TEXT, TIMESTAMPTZ, TIMESTAMPTZ);
