SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
CREATE SCHEMA public;
ALTER SCHEMA public OWNER TO pg_database_owner;
COMMENT ON SCHEMA public IS 'standard public schema';
CREATE FUNCTION public.finagent_create_month_partitions(parent text, first_month timestamp with time zone, last_month timestamp with time zone) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    month     TIMESTAMP := date_trunc('month', first_month AT TIME ZONE 'UTC');
    partition TEXT;
    created   INTEGER := 0;
    storage   TEXT;
BEGIN
    IF to_regclass(quote_ident(parent || '_default')) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', parent || '_default', parent);
    END IF;
    SELECT coalesce(' WITH (' || array_to_string(reloptions, ', ') || ')', '') INTO storage
    FROM pg_class WHERE oid = to_regclass(quote_ident(parent || '_default'));
    WHILE month <= last_month AT TIME ZONE 'UTC' LOOP
        partition := parent || to_char(month, '"_p"YYYY"_"MM');
        IF to_regclass(quote_ident(partition)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', partition, parent,
                           month AT TIME ZONE 'UTC', (month + INTERVAL '1 month') AT TIME ZONE 'UTC') || storage;
            created := created + 1;
        END IF;
        month := month + INTERVAL '1 month';
    END LOOP;
    RETURN created;
END $$;
ALTER FUNCTION public.finagent_create_month_partitions(parent text, first_month timestamp with time zone, last_month timestamp with time zone) OWNER TO finagent_cache;
CREATE FUNCTION public.finagent_partition_by_month(tbl text, by_column text, months_back integer) RETURNS void
    LANGUAGE sql
    AS $$ SELECT finagent_rebuild_table(tbl, by_column, months_back) $$;
ALTER FUNCTION public.finagent_partition_by_month(tbl text, by_column text, months_back integer) OWNER TO finagent_cache;
CREATE FUNCTION public.finagent_rebuild_table(tbl text, by_column text, months_back integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
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
ALTER FUNCTION public.finagent_rebuild_table(tbl text, by_column text, months_back integer) OWNER TO finagent_cache;
CREATE FUNCTION public.finagent_record_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    new_key JSONB;
    old_key JSONB;
    backed_up TEXT := coalesce(pg_partition_root(TG_RELID)::text, TG_TABLE_NAME);
BEGIN
    IF TG_NARGS = 1 AND TG_ARGV[0] = 'id' THEN
        IF TG_OP <> 'DELETE' THEN
            new_key := jsonb_build_object('id', NEW.id);
            INSERT INTO row_changes (table_name, row_key) VALUES (backed_up, new_key);
        END IF;
        IF TG_OP <> 'INSERT' THEN
            old_key := jsonb_build_object('id', OLD.id);
            IF old_key IS DISTINCT FROM new_key THEN
                INSERT INTO row_changes (table_name, row_key) VALUES (backed_up, old_key);
            END IF;
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_key := finagent_row_key(to_jsonb(NEW), TG_ARGV);
        INSERT INTO row_changes (table_name, row_key) VALUES (backed_up, new_key);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_key := finagent_row_key(to_jsonb(OLD), TG_ARGV);
        IF old_key IS DISTINCT FROM new_key THEN -- a delete, or an update that moved the row to another key
            INSERT INTO row_changes (table_name, row_key) VALUES (backed_up, old_key);
        END IF;
    END IF;
    RETURN NULL;
END $$;
ALTER FUNCTION public.finagent_record_change() OWNER TO finagent_cache;
CREATE FUNCTION public.finagent_row_key(source jsonb, columns text[]) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT jsonb_object_agg(c, source -> c) FROM unnest(columns) AS c $$;
ALTER FUNCTION public.finagent_row_key(source jsonb, columns text[]) OWNER TO finagent_cache;
CREATE FUNCTION public.finagent_take_indexes_keys_triggers(tbl text) RETURNS text[]
    LANGUAGE plpgsql
    AS $$
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
ALTER FUNCTION public.finagent_take_indexes_keys_triggers(tbl text) OWNER TO finagent_cache;
CREATE FUNCTION public.finagent_unpartition(tbl text) RETURNS void
    LANGUAGE sql
    AS $$ SELECT finagent_rebuild_table(tbl, NULL, NULL) $$;
ALTER FUNCTION public.finagent_unpartition(tbl text) OWNER TO finagent_cache;
SET default_tablespace = '';
SET default_table_access_method = heap;
CREATE TABLE public.backup_exports (
    id bigint NOT NULL,
    incremental boolean NOT NULL,
    finished_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE public.backup_exports OWNER TO finagent_cache;
ALTER TABLE public.backup_exports ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.backup_exports_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.cache_entries (
    id bigint NOT NULL,
    cache_key character varying(512) NOT NULL,
    user_id character varying(64),
    value jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    absent boolean DEFAULT false NOT NULL,
    CONSTRAINT ck_cache_entries_key CHECK (((cache_key)::text <> ''::text))
);
ALTER TABLE public.cache_entries OWNER TO finagent_cache;
ALTER TABLE public.cache_entries ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.cache_entries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.data_restores (
    id bigint NOT NULL,
    tables text[] NOT NULL,
    restored_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE public.data_restores OWNER TO finagent_cache;
ALTER TABLE public.data_restores ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.data_restores_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.market_data_cache (
    id bigint NOT NULL,
    cache_key character varying(512) NOT NULL,
    symbol character varying(32) NOT NULL,
    data_type character varying(20) NOT NULL,
    timeframe character varying(16),
    value jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    absent boolean DEFAULT false NOT NULL,
    data_time timestamp with time zone,
    CONSTRAINT ck_market_data_cache_data_type CHECK (((data_type)::text = ANY ((ARRAY['realtime_price'::character varying, 'daily_price'::character varying, 'indicators'::character varying, 'fundamentals'::character varying, 'historical'::character varying])::text[]))),
    CONSTRAINT ck_market_data_cache_symbol CHECK ((btrim((symbol)::text) <> ''::text))
)
PARTITION BY RANGE (created_at);
ALTER TABLE public.market_data_cache OWNER TO finagent_cache;
CREATE TABLE public.market_data_cache_default (
    id bigint NOT NULL,
    cache_key character varying(512) NOT NULL,
    symbol character varying(32) NOT NULL,
    data_type character varying(20) NOT NULL,
    timeframe character varying(16),
    value jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    absent boolean DEFAULT false NOT NULL,
    data_time timestamp with time zone,
    CONSTRAINT ck_market_data_cache_data_type CHECK (((data_type)::text = ANY ((ARRAY['realtime_price'::character varying, 'daily_price'::character varying, 'indicators'::character varying, 'fundamentals'::character varying, 'historical'::character varying])::text[]))),
    CONSTRAINT ck_market_data_cache_symbol CHECK ((btrim((symbol)::text) <> ''::text))
);
ALTER TABLE public.market_data_cache_default OWNER TO finagent_cache;
ALTER TABLE public.market_data_cache ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.market_data_cache_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.row_changes (
    id bigint NOT NULL,
    table_name text NOT NULL,
    row_key jsonb NOT NULL,
    xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    changed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
ALTER TABLE public.row_changes OWNER TO finagent_cache;
ALTER TABLE public.row_changes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.row_changes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.storage_samples (
    table_name text NOT NULL,
    sampled_on date NOT NULL,
    bytes bigint NOT NULL,
    live_rows bigint NOT NULL
);
ALTER TABLE public.storage_samples OWNER TO finagent_cache;
CREATE TABLE public.symbols_metadata (
    id bigint NOT NULL,
    symbol character varying(32) NOT NULL,
    name character varying(200),
    exchange character varying(32),
    asset_type character varying(16),
    currency character varying(3),
    sector character varying(100),
    industry character varying(100),
    market_cap numeric(24,8),
    active boolean DEFAULT true NOT NULL,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_symbols_metadata_asset_type CHECK (((asset_type IS NULL) OR ((asset_type)::text = ANY ((ARRAY['STOCK'::character varying, 'ETF'::character varying, 'INDEX'::character varying, 'CRYPTO'::character varying, 'FOREX'::character varying, 'FUTURE'::character varying, 'OPTION'::character varying, 'BOND'::character varying, 'OTHER'::character varying])::text[])))),
    CONSTRAINT ck_symbols_metadata_market_cap CHECK (((market_cap IS NULL) OR (market_cap >= (0)::numeric))),
    CONSTRAINT ck_symbols_metadata_symbol CHECK ((btrim((symbol)::text) <> ''::text))
);
ALTER TABLE public.symbols_metadata OWNER TO finagent_cache;
ALTER TABLE public.symbols_metadata ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.symbols_metadata_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
ALTER TABLE ONLY public.market_data_cache ATTACH PARTITION public.market_data_cache_default DEFAULT;
ALTER TABLE ONLY public.backup_exports
    ADD CONSTRAINT backup_exports_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.cache_entries
    ADD CONSTRAINT cache_entries_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.data_restores
    ADD CONSTRAINT data_restores_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.market_data_cache
    ADD CONSTRAINT market_data_cache_pkey PRIMARY KEY (id, created_at);
ALTER TABLE ONLY public.market_data_cache_default
    ADD CONSTRAINT market_data_cache_default_pkey PRIMARY KEY (id, created_at);
ALTER TABLE ONLY public.row_changes
    ADD CONSTRAINT row_changes_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.storage_samples
    ADD CONSTRAINT storage_samples_pkey PRIMARY KEY (table_name, sampled_on);
ALTER TABLE ONLY public.symbols_metadata
    ADD CONSTRAINT symbols_metadata_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.cache_entries
    ADD CONSTRAINT uq_cache_entries_user_key UNIQUE NULLS NOT DISTINCT (user_id, cache_key);
ALTER TABLE ONLY public.symbols_metadata
    ADD CONSTRAINT uq_symbols_metadata_symbol UNIQUE (symbol);
CREATE INDEX ix_backup_exports_finished ON public.backup_exports USING btree (finished_at);
CREATE INDEX ix_cache_entries_expires_at ON public.cache_entries USING btree (expires_at) WHERE (expires_at IS NOT NULL);
CREATE INDEX ix_cache_entries_key_pattern ON public.cache_entries USING btree (cache_key text_pattern_ops);
CREATE INDEX ix_cache_entries_user_key_pattern ON public.cache_entries USING btree (user_id, cache_key text_pattern_ops);
CREATE INDEX ix_market_data_cache_created_at ON ONLY public.market_data_cache USING btree (created_at);
CREATE INDEX ix_market_data_cache_expires_at ON ONLY public.market_data_cache USING btree (expires_at);
CREATE INDEX ix_market_data_cache_key_pattern ON ONLY public.market_data_cache USING btree (cache_key text_pattern_ops);
CREATE INDEX ix_market_data_cache_symbol_type_timeframe ON ONLY public.market_data_cache USING btree (symbol, data_type, timeframe);
CREATE INDEX ix_symbols_metadata_exchange ON public.symbols_metadata USING btree (exchange, symbol);
CREATE INDEX market_data_cache_default_cache_key_idx ON public.market_data_cache_default USING btree (cache_key text_pattern_ops);
CREATE INDEX market_data_cache_default_created_at_idx ON public.market_data_cache_default USING btree (created_at);
CREATE INDEX market_data_cache_default_expires_at_idx ON public.market_data_cache_default USING btree (expires_at);
CREATE INDEX market_data_cache_default_symbol_data_type_timeframe_idx ON public.market_data_cache_default USING btree (symbol, data_type, timeframe);
CREATE INDEX row_changes_table ON public.row_changes USING btree (table_name, id);
ALTER INDEX public.ix_market_data_cache_key_pattern ATTACH PARTITION public.market_data_cache_default_cache_key_idx;
ALTER INDEX public.ix_market_data_cache_created_at ATTACH PARTITION public.market_data_cache_default_created_at_idx;
ALTER INDEX public.ix_market_data_cache_expires_at ATTACH PARTITION public.market_data_cache_default_expires_at_idx;
ALTER INDEX public.market_data_cache_pkey ATTACH PARTITION public.market_data_cache_default_pkey;
ALTER INDEX public.ix_market_data_cache_symbol_type_timeframe ATTACH PARTITION public.market_data_cache_default_symbol_data_type_timeframe_idx;
CREATE TRIGGER cache_entries_changes AFTER INSERT OR DELETE OR UPDATE ON public.cache_entries FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER market_data_cache_changes AFTER INSERT OR DELETE OR UPDATE ON public.market_data_cache FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER symbols_metadata_changes AFTER INSERT OR DELETE OR UPDATE ON public.symbols_metadata FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
