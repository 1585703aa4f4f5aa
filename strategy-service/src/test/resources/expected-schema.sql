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
ALTER FUNCTION public.finagent_create_month_partitions(parent text, first_month timestamp with time zone, last_month timestamp with time zone) OWNER TO finagent_strategy;
CREATE FUNCTION public.finagent_partition_by_month(tbl text, by_column text, months_back integer) RETURNS void
    LANGUAGE sql
    AS $$ SELECT finagent_rebuild_table(tbl, by_column, months_back) $$;
ALTER FUNCTION public.finagent_partition_by_month(tbl text, by_column text, months_back integer) OWNER TO finagent_strategy;
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
ALTER FUNCTION public.finagent_rebuild_table(tbl text, by_column text, months_back integer) OWNER TO finagent_strategy;
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
ALTER FUNCTION public.finagent_record_change() OWNER TO finagent_strategy;
CREATE FUNCTION public.finagent_row_key(source jsonb, columns text[]) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT jsonb_object_agg(c, source -> c) FROM unnest(columns) AS c $$;
ALTER FUNCTION public.finagent_row_key(source jsonb, columns text[]) OWNER TO finagent_strategy;
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
ALTER FUNCTION public.finagent_take_indexes_keys_triggers(tbl text) OWNER TO finagent_strategy;
CREATE FUNCTION public.finagent_unpartition(tbl text) RETURNS void
    LANGUAGE sql
    AS $$ SELECT finagent_rebuild_table(tbl, NULL, NULL) $$;
ALTER FUNCTION public.finagent_unpartition(tbl text) OWNER TO finagent_strategy;
CREATE FUNCTION public.strategy_versions_immutable() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'strategy_versions rows are never rewritten (id %)', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
ALTER FUNCTION public.strategy_versions_immutable() OWNER TO finagent_strategy;
SET default_tablespace = '';
SET default_table_access_method = heap;
CREATE TABLE public.alerts (
    id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    strategy_id bigint,
    decision_id bigint,
    symbol character varying(32),
    alert_type character varying(16) NOT NULL,
    priority integer DEFAULT 2 NOT NULL,
    message text NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    status character varying(16) DEFAULT 'PENDING'::character varying NOT NULL,
    sent_at timestamp with time zone,
    acknowledged_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    idempotency_key character varying(100),
    CONSTRAINT ck_alerts_alert_type CHECK (((alert_type)::text = ANY ((ARRAY['BUY_SIGNAL'::character varying, 'SELL_SIGNAL'::character varying, 'RISK_WARNING'::character varying])::text[]))),
    CONSTRAINT ck_alerts_lifecycle CHECK (((((status)::text = 'PENDING'::text) AND (sent_at IS NULL) AND (acknowledged_at IS NULL)) OR (((status)::text = 'SENT'::text) AND (sent_at IS NOT NULL) AND (acknowledged_at IS NULL)) OR (((status)::text = 'ACKNOWLEDGED'::text) AND (sent_at IS NOT NULL) AND (acknowledged_at IS NOT NULL) AND (acknowledged_at >= sent_at)))),
    CONSTRAINT ck_alerts_priority CHECK (((priority >= 1) AND (priority <= 4))),
    CONSTRAINT ck_alerts_status CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'SENT'::character varying, 'ACKNOWLEDGED'::character varying])::text[])))
);
ALTER TABLE public.alerts OWNER TO finagent_strategy;
ALTER TABLE public.alerts ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.alerts_id_seq
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
ALTER TABLE public.backup_exports OWNER TO finagent_strategy;
ALTER TABLE public.backup_exports ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.backup_exports_id_seq
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
ALTER TABLE public.data_restores OWNER TO finagent_strategy;
ALTER TABLE public.data_restores ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.data_restores_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.inbox_events (
    consumer character varying(100) NOT NULL,
    event_id uuid NOT NULL,
    event_type character varying(200) NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE public.inbox_events OWNER TO finagent_strategy;
CREATE TABLE public.observed_decisions (
    decision_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    strategy_id bigint NOT NULL,
    symbol character varying(32) NOT NULL,
    decision_type character varying(4) NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    observed_at timestamp with time zone DEFAULT now() NOT NULL,
    status character varying(16) NOT NULL,
    CONSTRAINT ck_observed_decisions_decision_type CHECK (((decision_type)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying, 'HOLD'::character varying])::text[]))),
    CONSTRAINT ck_observed_decisions_status CHECK (((status)::text = ANY ((ARRAY['ACCEPTED'::character varying, 'REJECTED'::character varying])::text[])))
);
ALTER TABLE public.observed_decisions OWNER TO finagent_strategy;
CREATE TABLE public.outbox_events (
    id uuid NOT NULL,
    topic character varying(200) NOT NULL,
    event_key character varying(200) NOT NULL,
    event_type character varying(200) NOT NULL,
    payload text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    published_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    traceparent character varying(55)
);
ALTER TABLE public.outbox_events OWNER TO finagent_strategy;
CREATE TABLE public.row_changes (
    id bigint NOT NULL,
    table_name text NOT NULL,
    row_key jsonb NOT NULL,
    xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    changed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
ALTER TABLE public.row_changes OWNER TO finagent_strategy;
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
ALTER TABLE public.storage_samples OWNER TO finagent_strategy;
CREATE TABLE public.strategies (
    id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    name character varying(200) NOT NULL,
    description text,
    strategy_type character varying(16) NOT NULL,
    config jsonb DEFAULT '{}'::jsonb NOT NULL,
    status character varying(16) DEFAULT 'ACTIVE'::character varying NOT NULL,
    current_version integer DEFAULT 1 NOT NULL,
    default_horizon_minutes integer,
    last_used timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    idempotency_key character varying(100),
    decision_count bigint DEFAULT 0 NOT NULL,
    CONSTRAINT ck_strategies_config CHECK ((jsonb_typeof(config) = 'object'::text)),
    CONSTRAINT ck_strategies_current_version CHECK ((current_version >= 1)),
    CONSTRAINT ck_strategies_decision_count CHECK ((decision_count >= 0)),
    CONSTRAINT ck_strategies_default_horizon CHECK (((default_horizon_minutes IS NULL) OR (default_horizon_minutes > 0))),
    CONSTRAINT ck_strategies_name CHECK ((btrim((name)::text) <> ''::text)),
    CONSTRAINT ck_strategies_status CHECK (((status)::text = ANY ((ARRAY['ACTIVE'::character varying, 'INACTIVE'::character varying, 'ARCHIVED'::character varying])::text[]))),
    CONSTRAINT ck_strategies_strategy_type CHECK (((strategy_type)::text = ANY ((ARRAY['TECHNICAL'::character varying, 'FUNDAMENTAL'::character varying, 'SENTIMENT'::character varying, 'HYBRID'::character varying])::text[])))
);
ALTER TABLE public.strategies OWNER TO finagent_strategy;
ALTER TABLE public.strategies ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.strategies_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.strategy_outcomes (
    id bigint NOT NULL,
    strategy_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    decision_id bigint NOT NULL,
    outcome numeric(20,10) NOT NULL,
    measured_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE public.strategy_outcomes OWNER TO finagent_strategy;
ALTER TABLE public.strategy_outcomes ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.strategy_outcomes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.strategy_performance (
    id bigint NOT NULL,
    strategy_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    period_from timestamp with time zone NOT NULL,
    period_to timestamp with time zone NOT NULL,
    total_return numeric(20,10),
    annualized_return numeric(20,10),
    annualized_volatility numeric(20,10),
    sharpe_ratio numeric(20,10),
    sortino_ratio numeric(20,10),
    calmar_ratio numeric(20,10),
    max_drawdown numeric(20,10),
    win_rate numeric(20,10),
    total_trades bigint DEFAULT 0 NOT NULL,
    computed_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_strategy_performance_max_drawdown CHECK (((max_drawdown IS NULL) OR (max_drawdown >= (0)::numeric))),
    CONSTRAINT ck_strategy_performance_period CHECK ((period_to >= period_from)),
    CONSTRAINT ck_strategy_performance_total_trades CHECK ((total_trades >= 0)),
    CONSTRAINT ck_strategy_performance_volatility CHECK (((annualized_volatility IS NULL) OR (annualized_volatility >= (0)::numeric))),
    CONSTRAINT ck_strategy_performance_win_rate CHECK (((win_rate IS NULL) OR ((win_rate >= (0)::numeric) AND (win_rate <= (1)::numeric))))
);
ALTER TABLE public.strategy_performance OWNER TO finagent_strategy;
ALTER TABLE public.strategy_performance ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.strategy_performance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.strategy_versions (
    id bigint NOT NULL,
    strategy_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    version_number integer NOT NULL,
    config jsonb NOT NULL,
    previous_config jsonb,
    changelog text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_strategy_versions_version_number CHECK ((version_number >= 1))
);
ALTER TABLE public.strategy_versions OWNER TO finagent_strategy;
ALTER TABLE public.strategy_versions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.strategy_versions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
ALTER TABLE ONLY public.alerts
    ADD CONSTRAINT alerts_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.backup_exports
    ADD CONSTRAINT backup_exports_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.data_restores
    ADD CONSTRAINT data_restores_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.inbox_events
    ADD CONSTRAINT inbox_events_pkey PRIMARY KEY (consumer, event_id);
ALTER TABLE ONLY public.observed_decisions
    ADD CONSTRAINT observed_decisions_pkey PRIMARY KEY (decision_id);
ALTER TABLE ONLY public.outbox_events
    ADD CONSTRAINT outbox_events_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.row_changes
    ADD CONSTRAINT row_changes_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.storage_samples
    ADD CONSTRAINT storage_samples_pkey PRIMARY KEY (table_name, sampled_on);
ALTER TABLE ONLY public.strategies
    ADD CONSTRAINT strategies_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.strategy_outcomes
    ADD CONSTRAINT strategy_outcomes_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.strategy_performance
    ADD CONSTRAINT strategy_performance_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.strategy_versions
    ADD CONSTRAINT strategy_versions_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.alerts
    ADD CONSTRAINT uq_alerts_idempotency UNIQUE (user_id, idempotency_key);
ALTER TABLE ONLY public.strategies
    ADD CONSTRAINT uq_strategies_idempotency UNIQUE (user_id, idempotency_key);
ALTER TABLE ONLY public.strategy_outcomes
    ADD CONSTRAINT uq_strategy_outcomes_decision UNIQUE (decision_id);
ALTER TABLE ONLY public.strategy_performance
    ADD CONSTRAINT uq_strategy_performance_period UNIQUE (strategy_id, period_from, period_to);
ALTER TABLE ONLY public.strategy_versions
    ADD CONSTRAINT uq_strategy_versions_strategy_version UNIQUE (strategy_id, version_number);
CREATE INDEX inbox_events_received ON public.inbox_events USING btree (received_at);
CREATE INDEX ix_alerts_user_status_created ON public.alerts USING btree (user_id, status, created_at DESC);
CREATE INDEX ix_alerts_user_strategy_created ON public.alerts USING btree (user_id, strategy_id, created_at DESC);
CREATE INDEX ix_alerts_user_type_created ON public.alerts USING btree (user_id, alert_type, created_at DESC);
CREATE INDEX ix_backup_exports_finished ON public.backup_exports USING btree (finished_at);
CREATE INDEX ix_observed_decisions_user_strategy_decided ON public.observed_decisions USING btree (user_id, strategy_id, decided_at DESC);
CREATE INDEX ix_strategies_user_created ON public.strategies USING btree (user_id, created_at DESC);
CREATE INDEX ix_strategies_user_status ON public.strategies USING btree (user_id, status, created_at DESC);
CREATE INDEX ix_strategy_outcomes_strategy_measured ON public.strategy_outcomes USING btree (strategy_id, measured_at);
CREATE INDEX ix_strategy_outcomes_user_strategy_measured ON public.strategy_outcomes USING btree (user_id, strategy_id, measured_at);
CREATE INDEX ix_strategy_performance_user_strategy_period ON public.strategy_performance USING btree (user_id, strategy_id, period_from, period_to);
CREATE INDEX ix_strategy_versions_user_strategy ON public.strategy_versions USING btree (user_id, strategy_id, version_number DESC);
CREATE INDEX outbox_events_published ON public.outbox_events USING btree (published_at) WHERE (published_at IS NOT NULL);
CREATE INDEX outbox_events_unpublished ON public.outbox_events USING btree (created_at) WHERE (published_at IS NULL);
CREATE INDEX row_changes_table ON public.row_changes USING btree (table_name, id);
CREATE TRIGGER alerts_changes AFTER INSERT OR DELETE OR UPDATE ON public.alerts FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER observed_decisions_changes AFTER INSERT OR DELETE OR UPDATE ON public.observed_decisions FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('decision_id');
CREATE TRIGGER strategies_changes AFTER INSERT OR DELETE OR UPDATE ON public.strategies FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER strategy_outcomes_changes AFTER INSERT OR DELETE OR UPDATE ON public.strategy_outcomes FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER strategy_performance_changes AFTER INSERT OR DELETE OR UPDATE ON public.strategy_performance FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER strategy_versions_changes AFTER INSERT OR DELETE OR UPDATE ON public.strategy_versions FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER tr_strategy_versions_immutable BEFORE UPDATE ON public.strategy_versions FOR EACH ROW EXECUTE FUNCTION public.strategy_versions_immutable();
ALTER TABLE ONLY public.alerts
    ADD CONSTRAINT alerts_strategy_id_fkey FOREIGN KEY (strategy_id) REFERENCES public.strategies(id) ON DELETE SET NULL;
ALTER TABLE ONLY public.strategy_outcomes
    ADD CONSTRAINT strategy_outcomes_strategy_id_fkey FOREIGN KEY (strategy_id) REFERENCES public.strategies(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.strategy_performance
    ADD CONSTRAINT strategy_performance_strategy_id_fkey FOREIGN KEY (strategy_id) REFERENCES public.strategies(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.strategy_versions
    ADD CONSTRAINT strategy_versions_strategy_id_fkey FOREIGN KEY (strategy_id) REFERENCES public.strategies(id) ON DELETE CASCADE;
