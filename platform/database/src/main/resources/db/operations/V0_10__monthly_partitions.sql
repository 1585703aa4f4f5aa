-- Monthly partitions (docs/partitions.md). A table partitioned by range of one timestamptz column
-- has a partition per UTC month, <table>_pYYYY_MM, and a default one, <table>_default, for rows
-- of a month that has none (older than the first: history goes back to 1900). Months are created
-- ahead by the platform's MonthlyPartitions, at start and daily, through this one function.
CREATE FUNCTION finagent_create_month_partitions(parent TEXT, first_month TIMESTAMPTZ, last_month TIMESTAMPTZ)
    RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    month     TIMESTAMP := date_trunc('month', first_month AT TIME ZONE 'UTC');
    partition TEXT;
    created   INTEGER := 0;
BEGIN
    IF to_regclass(quote_ident(parent || '_default')) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', parent || '_default', parent);
    END IF;
    WHILE month <= last_month AT TIME ZONE 'UTC' LOOP
        partition := parent || to_char(month, '"_p"YYYY"_"MM');
        IF to_regclass(quote_ident(partition)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', partition, parent,
                           month AT TIME ZONE 'UTC', (month + INTERVAL '1 month') AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
        month := month + INTERVAL '1 month';
    END LOOP;
    RETURN created;
END $$;

-- What a table keeps when it changes between plain and partitioned: its indexes, its foreign keys
-- to other tables and its triggers, as statements that build them again (a partitioned index's
-- ON ONLY dropped, so that it is built whole), after they have been dropped from it.
CREATE FUNCTION finagent_take_indexes_keys_triggers(tbl TEXT) RETURNS TEXT[] LANGUAGE plpgsql AS $$
DECLARE
    kept    TEXT[];
    dropped TEXT;
BEGIN
    SELECT coalesce(array_agg(replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ') ORDER BY i.indexrelid), '{}') INTO kept
    FROM pg_index i WHERE i.indrelid = tbl::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid);
    SELECT kept || coalesce(array_agg(format('ALTER TABLE %I ADD CONSTRAINT %I %s', tbl, k.conname, pg_get_constraintdef(k.oid)) ORDER BY k.oid), '{}')
    INTO kept FROM pg_constraint k WHERE k.conrelid = tbl::regclass AND k.contype = 'f';
    SELECT kept || coalesce(array_agg(pg_get_triggerdef(t.oid) ORDER BY t.oid), '{}') INTO kept
    FROM pg_trigger t WHERE t.tgrelid = tbl::regclass AND NOT t.tgisinternal;
    FOR dropped IN SELECT format('DROP INDEX %s', i.indexrelid::regclass) FROM pg_index i WHERE i.indrelid = tbl::regclass
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
                   UNION ALL SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', tbl, k.conname) FROM pg_constraint k
                   WHERE k.conrelid = tbl::regclass AND k.contype = 'f'
                   UNION ALL SELECT format('DROP TRIGGER %I ON %I', t.tgname, tbl) FROM pg_trigger t WHERE t.tgrelid = tbl::regclass AND NOT t.tgisinternal LOOP
        EXECUTE dropped;
    END LOOP;
    RETURN kept;
END $$;

-- A table rebuilt as a new one of the same columns, checks, defaults, identity (and its
-- sequence's position), indexes, foreign keys and triggers, with every row: partitioned by month
-- of by_column, or plain when by_column is NULL. A partitioned table's unique keys must hold the
-- partition column: the primary key gains it (and loses it on the way back); the caller moves any
-- other unique key elsewhere first, and a foreign key to the table. Months with rows get their
-- partition back to months_back before now; older rows go to the default partition.
CREATE FUNCTION finagent_rebuild_table(tbl TEXT, by_column TEXT, months_back INTEGER) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    kept      TEXT[] := finagent_take_indexes_keys_triggers(tbl);
    former    TEXT := tbl || '_former';
    was_by    TEXT;
    key_name  TEXT;
    key_def   TEXT;
    identity  TEXT;
    oldest    TIMESTAMPTZ;
    statement TEXT;
BEGIN
    SELECT a.attname INTO was_by FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
    WHERE p.partrelid = tbl::regclass;
    SELECT conname, pg_get_constraintdef(oid) INTO key_name, key_def FROM pg_constraint WHERE conrelid = tbl::regclass AND contype = 'p';
    SELECT attname INTO identity FROM pg_attribute WHERE attrelid = tbl::regclass AND attidentity <> '' AND NOT attisdropped;
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', tbl, key_name);
    EXECUTE format('ALTER TABLE %I RENAME TO %I', tbl, former);
    IF identity IS NOT NULL THEN
        EXECUTE format('ALTER SEQUENCE %s RENAME TO %I', pg_get_serial_sequence(quote_ident(former), identity), former || '_seq');
    END IF;
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY INCLUDING GENERATED'
                   ' INCLUDING STORAGE INCLUDING COMPRESSION) %s', tbl, former,
                   CASE WHEN by_column IS NULL THEN '' ELSE format('PARTITION BY RANGE (%I)', by_column) END);
    IF by_column IS NOT NULL THEN
        EXECUTE format('SELECT min(%I) FROM %I', by_column, former) INTO oldest;
        PERFORM finagent_create_month_partitions(tbl, greatest(coalesce(oldest, now()), now() - make_interval(months => months_back)),
                                                 now() + INTERVAL '1 month');
    END IF;
    EXECUTE format('INSERT INTO %I OVERRIDING SYSTEM VALUE SELECT * FROM %I', tbl, former);
    IF identity IS NOT NULL THEN
        EXECUTE format('SELECT setval(%L, last_value, is_called) FROM %I', pg_get_serial_sequence(quote_ident(tbl), identity), former || '_seq');
    END IF;
    EXECUTE format('DROP TABLE %I', former);
    IF was_by IS NOT NULL THEN
        key_def := replace(key_def, ', ' || quote_ident(was_by) || ')', ')');
    END IF;
    IF by_column IS NOT NULL THEN
        key_def := replace(key_def, ')', ', ' || quote_ident(by_column) || ')');
    END IF;
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', tbl, key_name, key_def);
    FOREACH statement IN ARRAY kept LOOP
        EXECUTE statement;
    END LOOP;
END $$;

-- The up and down scripts' words: a plain table partitioned by month, and back.
CREATE FUNCTION finagent_partition_by_month(tbl TEXT, by_column TEXT, months_back INTEGER) RETURNS VOID
    LANGUAGE sql AS $$ SELECT finagent_rebuild_table(tbl, by_column, months_back) $$;
CREATE FUNCTION finagent_unpartition(tbl TEXT) RETURNS VOID
    LANGUAGE sql AS $$ SELECT finagent_rebuild_table(tbl, NULL, NULL) $$;
