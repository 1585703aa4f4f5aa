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
ALTER FUNCTION public.finagent_create_month_partitions(parent text, first_month timestamp with time zone, last_month timestamp with time zone) OWNER TO finagent_backup;
CREATE FUNCTION public.finagent_partition_by_month(tbl text, by_column text, months_back integer) RETURNS void
    LANGUAGE sql
    AS $$ SELECT finagent_rebuild_table(tbl, by_column, months_back) $$;
ALTER FUNCTION public.finagent_partition_by_month(tbl text, by_column text, months_back integer) OWNER TO finagent_backup;
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
ALTER FUNCTION public.finagent_rebuild_table(tbl text, by_column text, months_back integer) OWNER TO finagent_backup;
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
ALTER FUNCTION public.finagent_record_change() OWNER TO finagent_backup;
CREATE FUNCTION public.finagent_row_key(source jsonb, columns text[]) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT jsonb_object_agg(c, source -> c) FROM unnest(columns) AS c $$;
ALTER FUNCTION public.finagent_row_key(source jsonb, columns text[]) OWNER TO finagent_backup;
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
ALTER FUNCTION public.finagent_take_indexes_keys_triggers(tbl text) OWNER TO finagent_backup;
CREATE FUNCTION public.finagent_unpartition(tbl text) RETURNS void
    LANGUAGE sql
    AS $$ SELECT finagent_rebuild_table(tbl, NULL, NULL) $$;
ALTER FUNCTION public.finagent_unpartition(tbl text) OWNER TO finagent_backup;
SET default_tablespace = '';
SET default_table_access_method = heap;
CREATE TABLE public.archive_runs (
    id bigint NOT NULL,
    run_id uuid NOT NULL,
    service_name character varying(64) NOT NULL,
    table_name character varying(64) NOT NULL,
    status character varying(16) DEFAULT 'RUNNING'::character varying NOT NULL,
    cutoff timestamp with time zone NOT NULL,
    oldest_row_at timestamp with time zone,
    newest_row_at timestamp with time zone,
    rows_archived bigint DEFAULT 0 NOT NULL,
    archive_path text,
    size_bytes bigint,
    checksum_sha256 character varying(64),
    encrypted boolean DEFAULT true NOT NULL,
    compressed boolean DEFAULT true NOT NULL,
    requested_by character varying(64),
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    completed_at timestamp with time zone,
    error_message text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_archive_runs_checksum CHECK (((checksum_sha256 IS NULL) OR ((checksum_sha256)::text ~ '^[0-9a-f]{64}$'::text))),
    CONSTRAINT ck_archive_runs_completed CHECK ((((status)::text <> 'COMPLETED'::text) OR (completed_at IS NOT NULL))),
    CONSTRAINT ck_archive_runs_never_archived CHECK (((table_name)::text <> ALL ((ARRAY['ai_memory'::character varying, 'transactions'::character varying])::text[]))),
    CONSTRAINT ck_archive_runs_rows CHECK ((rows_archived >= 0)),
    CONSTRAINT ck_archive_runs_status CHECK (((status)::text = ANY ((ARRAY['RUNNING'::character varying, 'COMPLETED'::character varying, 'FAILED'::character varying])::text[])))
);
ALTER TABLE public.archive_runs OWNER TO finagent_backup;
ALTER TABLE public.archive_runs ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.archive_runs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.backup_exports (
    id bigint NOT NULL,
    incremental boolean NOT NULL,
    finished_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE public.backup_exports OWNER TO finagent_backup;
ALTER TABLE public.backup_exports ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.backup_exports_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.backup_schedules (
    id bigint NOT NULL,
    name character varying(100) NOT NULL,
    backup_type character varying(16) NOT NULL,
    schedule_kind character varying(16) DEFAULT 'CRON'::character varying NOT NULL,
    cron_expression character varying(120),
    services character varying(64)[] DEFAULT '{}'::character varying[] NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    last_run_at timestamp with time zone,
    last_backup_id bigint,
    next_run_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_backup_schedules_backup_type CHECK (((backup_type)::text = ANY ((ARRAY['FULL'::character varying, 'INCREMENTAL'::character varying, 'DIFFERENTIAL'::character varying, 'CONFIGURATION'::character varying, 'AI_MEMORY'::character varying])::text[]))),
    CONSTRAINT ck_backup_schedules_cron CHECK ((((schedule_kind)::text = 'CRON'::text) = (cron_expression IS NOT NULL))),
    CONSTRAINT ck_backup_schedules_kind CHECK (((schedule_kind)::text = ANY ((ARRAY['CRON'::character varying, 'ON_CHANGE'::character varying])::text[])))
);
ALTER TABLE public.backup_schedules OWNER TO finagent_backup;
ALTER TABLE public.backup_schedules ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.backup_schedules_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.backups (
    id bigint NOT NULL,
    backup_type character varying(16) NOT NULL,
    status character varying(16) DEFAULT 'PENDING'::character varying NOT NULL,
    trigger_source character varying(16) DEFAULT 'MANUAL'::character varying NOT NULL,
    requested_by character varying(64),
    parent_backup_id bigint,
    services character varying(64)[] DEFAULT '{}'::character varying[] NOT NULL,
    watermarks jsonb DEFAULT '{}'::jsonb NOT NULL,
    snapshot_at timestamp with time zone,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    size_bytes bigint,
    uncompressed_bytes bigint,
    checksum_sha256 character varying(64),
    archive_path text,
    encrypted boolean DEFAULT true NOT NULL,
    compressed boolean DEFAULT true NOT NULL,
    manifest jsonb DEFAULT '{}'::jsonb NOT NULL,
    last_verified_at timestamp with time zone,
    last_verify_status character varying(16),
    error_message text,
    deleted_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_backups_backup_type CHECK (((backup_type)::text = ANY ((ARRAY['FULL'::character varying, 'INCREMENTAL'::character varying, 'DIFFERENTIAL'::character varying, 'CONFIGURATION'::character varying, 'AI_MEMORY'::character varying])::text[]))),
    CONSTRAINT ck_backups_checksum CHECK (((checksum_sha256 IS NULL) OR ((checksum_sha256)::text ~ '^[0-9a-f]{64}$'::text))),
    CONSTRAINT ck_backups_completed CHECK ((((status)::text <> 'COMPLETED'::text) OR ((completed_at IS NOT NULL) AND (archive_path IS NOT NULL) AND (checksum_sha256 IS NOT NULL) AND (size_bytes IS NOT NULL)))),
    CONSTRAINT ck_backups_delta_has_parent CHECK ((((status)::text <> 'COMPLETED'::text) OR ((backup_type)::text <> ALL ((ARRAY['INCREMENTAL'::character varying, 'DIFFERENTIAL'::character varying])::text[])) OR (parent_backup_id IS NOT NULL))),
    CONSTRAINT ck_backups_full_has_no_parent CHECK ((((backup_type)::text <> 'FULL'::text) OR (parent_backup_id IS NULL))),
    CONSTRAINT ck_backups_last_verify_status CHECK (((last_verify_status IS NULL) OR ((last_verify_status)::text = ANY ((ARRAY['PASSED'::character varying, 'FAILED'::character varying])::text[])))),
    CONSTRAINT ck_backups_not_own_parent CHECK (((parent_backup_id IS NULL) OR (parent_backup_id <> id))),
    CONSTRAINT ck_backups_sizes CHECK ((((size_bytes IS NULL) OR (size_bytes >= 0)) AND ((uncompressed_bytes IS NULL) OR (uncompressed_bytes >= 0)))),
    CONSTRAINT ck_backups_status CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'RUNNING'::character varying, 'COMPLETED'::character varying, 'FAILED'::character varying, 'DELETED'::character varying])::text[]))),
    CONSTRAINT ck_backups_times CHECK (((completed_at IS NULL) OR (started_at IS NULL) OR (completed_at >= started_at))),
    CONSTRAINT ck_backups_trigger_source CHECK (((trigger_source)::text = ANY ((ARRAY['MANUAL'::character varying, 'SCHEDULE'::character varying, 'CONFIG_CHANGE'::character varying])::text[])))
);
ALTER TABLE public.backups OWNER TO finagent_backup;
ALTER TABLE public.backups ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.backups_id_seq
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
ALTER TABLE public.data_restores OWNER TO finagent_backup;
ALTER TABLE public.data_restores ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.data_restores_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.restores (
    id bigint NOT NULL,
    backup_id bigint NOT NULL,
    chain bigint[] NOT NULL,
    target_time timestamp with time zone,
    services character varying(64)[] NOT NULL,
    status character varying(16) DEFAULT 'RUNNING'::character varying NOT NULL,
    requested_by character varying(64),
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    completed_at timestamp with time zone,
    error_message text,
    CONSTRAINT ck_restores_status CHECK (((status)::text = ANY ((ARRAY['RUNNING'::character varying, 'COMPLETED'::character varying, 'FAILED'::character varying, 'REFUSED'::character varying])::text[])))
);
ALTER TABLE public.restores OWNER TO finagent_backup;
ALTER TABLE public.restores ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.restores_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.retention_policies (
    id bigint NOT NULL,
    name character varying(100) NOT NULL,
    backup_type character varying(16),
    keep_daily integer DEFAULT 7 NOT NULL,
    keep_weekly integer DEFAULT 4 NOT NULL,
    keep_monthly integer DEFAULT 12 NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    last_applied_at timestamp with time zone,
    last_result jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_retention_policies_backup_type CHECK (((backup_type IS NULL) OR ((backup_type)::text = ANY ((ARRAY['FULL'::character varying, 'INCREMENTAL'::character varying, 'DIFFERENTIAL'::character varying, 'CONFIGURATION'::character varying, 'AI_MEMORY'::character varying])::text[])))),
    CONSTRAINT ck_retention_policies_counts CHECK (((keep_daily >= 0) AND (keep_weekly >= 0) AND (keep_monthly >= 0)))
);
ALTER TABLE public.retention_policies OWNER TO finagent_backup;
ALTER TABLE public.retention_policies ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.retention_policies_id_seq
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
ALTER TABLE public.row_changes OWNER TO finagent_backup;
ALTER TABLE public.row_changes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.row_changes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.sample_monthly_trades (
    id bigint NOT NULL,
    symbol character varying(16) NOT NULL,
    traded_at timestamp with time zone NOT NULL
)
PARTITION BY RANGE (traded_at);
ALTER TABLE public.sample_monthly_trades OWNER TO finagent_backup;
CREATE TABLE public.sample_monthly_trades_default (
    id bigint NOT NULL,
    symbol character varying(16) NOT NULL,
    traded_at timestamp with time zone NOT NULL
);
ALTER TABLE public.sample_monthly_trades_default OWNER TO finagent_backup;
ALTER TABLE public.sample_monthly_trades ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sample_monthly_trades_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.sample_settings (
    name character varying(64) NOT NULL,
    value text NOT NULL
);
ALTER TABLE public.sample_settings OWNER TO finagent_backup;
CREATE TABLE public.sample_trades (
    id bigint NOT NULL,
    symbol character varying(16) NOT NULL,
    quantity numeric(20,8) NOT NULL,
    traded_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE public.sample_trades OWNER TO finagent_backup;
ALTER TABLE public.sample_trades ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.sample_trades_id_seq
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
ALTER TABLE public.storage_samples OWNER TO finagent_backup;
ALTER TABLE ONLY public.sample_monthly_trades ATTACH PARTITION public.sample_monthly_trades_default DEFAULT;
ALTER TABLE ONLY public.archive_runs
    ADD CONSTRAINT archive_runs_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.backup_exports
    ADD CONSTRAINT backup_exports_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.backup_schedules
    ADD CONSTRAINT backup_schedules_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.backups
    ADD CONSTRAINT backups_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.data_restores
    ADD CONSTRAINT data_restores_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.restores
    ADD CONSTRAINT restores_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.retention_policies
    ADD CONSTRAINT retention_policies_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.row_changes
    ADD CONSTRAINT row_changes_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.sample_monthly_trades
    ADD CONSTRAINT sample_monthly_trades_pkey PRIMARY KEY (id, traded_at);
ALTER TABLE ONLY public.sample_monthly_trades_default
    ADD CONSTRAINT sample_monthly_trades_default_pkey PRIMARY KEY (id, traded_at);
ALTER TABLE ONLY public.sample_settings
    ADD CONSTRAINT sample_settings_pkey PRIMARY KEY (name);
ALTER TABLE ONLY public.sample_trades
    ADD CONSTRAINT sample_trades_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.storage_samples
    ADD CONSTRAINT storage_samples_pkey PRIMARY KEY (table_name, sampled_on);
ALTER TABLE ONLY public.archive_runs
    ADD CONSTRAINT uq_archive_runs_run_table UNIQUE (run_id, service_name, table_name);
ALTER TABLE ONLY public.backup_schedules
    ADD CONSTRAINT uq_backup_schedules_name UNIQUE (name);
ALTER TABLE ONLY public.retention_policies
    ADD CONSTRAINT uq_retention_policies_name UNIQUE (name);
CREATE INDEX ix_archive_runs_started ON public.archive_runs USING btree (started_at DESC);
CREATE INDEX ix_archive_runs_table_range ON public.archive_runs USING btree (service_name, table_name, newest_row_at) WHERE ((status)::text = 'COMPLETED'::text);
CREATE INDEX ix_backup_exports_finished ON public.backup_exports USING btree (finished_at);
CREATE INDEX ix_backups_created ON public.backups USING btree (created_at DESC);
CREATE INDEX ix_backups_parent ON public.backups USING btree (parent_backup_id);
CREATE INDEX ix_backups_snapshot ON public.backups USING btree (snapshot_at) WHERE ((status)::text = 'COMPLETED'::text);
CREATE INDEX ix_backups_type_status_completed ON public.backups USING btree (backup_type, status, completed_at DESC);
CREATE INDEX ix_restores_started ON public.restores USING btree (started_at DESC);
CREATE INDEX row_changes_table ON public.row_changes USING btree (table_name, id);
ALTER INDEX public.sample_monthly_trades_pkey ATTACH PARTITION public.sample_monthly_trades_default_pkey;
CREATE TRIGGER sample_monthly_trades_changes AFTER INSERT OR DELETE OR UPDATE ON public.sample_monthly_trades FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER sample_settings_changes AFTER INSERT OR DELETE OR UPDATE ON public.sample_settings FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('name');
CREATE TRIGGER sample_trades_changes AFTER INSERT OR DELETE OR UPDATE ON public.sample_trades FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
ALTER TABLE ONLY public.backup_schedules
    ADD CONSTRAINT backup_schedules_last_backup_id_fkey FOREIGN KEY (last_backup_id) REFERENCES public.backups(id) ON DELETE SET NULL;
ALTER TABLE ONLY public.backups
    ADD CONSTRAINT backups_parent_backup_id_fkey FOREIGN KEY (parent_backup_id) REFERENCES public.backups(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.restores
    ADD CONSTRAINT restores_backup_id_fkey FOREIGN KEY (backup_id) REFERENCES public.backups(id) ON DELETE RESTRICT;
