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
CREATE FUNCTION public.finagent_claim_transaction_keys() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.idempotency_key IS NOT NULL THEN
        INSERT INTO transaction_idempotency_keys (user_id, idempotency_key, portfolio_id)
        VALUES (NEW.user_id, NEW.idempotency_key, NEW.portfolio_id);
    END IF;
    IF NEW.decision_id IS NOT NULL THEN
        INSERT INTO transaction_decisions (portfolio_id, decision_id) VALUES (NEW.portfolio_id, NEW.decision_id);
    END IF;
    RETURN NULL;
END $$;
ALTER FUNCTION public.finagent_claim_transaction_keys() OWNER TO finagent_portfolio;
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
ALTER FUNCTION public.finagent_create_month_partitions(parent text, first_month timestamp with time zone, last_month timestamp with time zone) OWNER TO finagent_portfolio;
CREATE FUNCTION public.finagent_partition_by_month(tbl text, by_column text, months_back integer) RETURNS void
    LANGUAGE sql
    AS $$ SELECT finagent_rebuild_table(tbl, by_column, months_back) $$;
ALTER FUNCTION public.finagent_partition_by_month(tbl text, by_column text, months_back integer) OWNER TO finagent_portfolio;
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
ALTER FUNCTION public.finagent_rebuild_table(tbl text, by_column text, months_back integer) OWNER TO finagent_portfolio;
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
ALTER FUNCTION public.finagent_record_change() OWNER TO finagent_portfolio;
CREATE FUNCTION public.finagent_row_key(source jsonb, columns text[]) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT jsonb_object_agg(c, source -> c) FROM unnest(columns) AS c $$;
ALTER FUNCTION public.finagent_row_key(source jsonb, columns text[]) OWNER TO finagent_portfolio;
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
ALTER FUNCTION public.finagent_take_indexes_keys_triggers(tbl text) OWNER TO finagent_portfolio;
CREATE FUNCTION public.finagent_unpartition(tbl text) RETURNS void
    LANGUAGE sql
    AS $$ SELECT finagent_rebuild_table(tbl, NULL, NULL) $$;
ALTER FUNCTION public.finagent_unpartition(tbl text) OWNER TO finagent_portfolio;
SET default_tablespace = '';
SET default_table_access_method = heap;
CREATE TABLE public.backup_exports (
    id bigint NOT NULL,
    incremental boolean NOT NULL,
    finished_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE public.backup_exports OWNER TO finagent_portfolio;
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
ALTER TABLE public.data_restores OWNER TO finagent_portfolio;
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
ALTER TABLE public.inbox_events OWNER TO finagent_portfolio;
CREATE TABLE public.observed_decisions (
    decision_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    strategy_id bigint NOT NULL,
    symbol character varying(32) NOT NULL,
    decision_type character varying(4) NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    observed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_observed_decisions_decision_type CHECK (((decision_type)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying, 'HOLD'::character varying])::text[])))
);
ALTER TABLE public.observed_decisions OWNER TO finagent_portfolio;
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
ALTER TABLE public.outbox_events OWNER TO finagent_portfolio;
CREATE TABLE public.pending_outcome_measurements (
    id bigint NOT NULL,
    decision_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    strategy_id bigint NOT NULL,
    symbol character varying(32) NOT NULL,
    decision_type character varying(4) NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    horizon_minutes integer NOT NULL,
    due_at timestamp with time zone NOT NULL,
    reference_price numeric(24,8),
    reference_price_at timestamp with time zone,
    status character varying(16) DEFAULT 'PENDING'::character varying NOT NULL,
    exit_price numeric(24,8),
    exit_price_at timestamp with time zone,
    outcome numeric(20,10),
    measured_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    horizon_source character varying(16) DEFAULT 'CONFIGURATION'::character varying NOT NULL,
    confidence numeric(5,4),
    next_check_at timestamp with time zone DEFAULT now() NOT NULL,
    paper_portfolio_id bigint,
    paper_transaction_id bigint,
    paper_note text,
    traceparent character varying(55),
    CONSTRAINT ck_pending_outcome_measurements_decision_type CHECK (((decision_type)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying, 'HOLD'::character varying])::text[]))),
    CONSTRAINT ck_pending_outcome_measurements_horizon CHECK ((horizon_minutes > 0)),
    CONSTRAINT ck_pending_outcome_measurements_horizon_source CHECK (((horizon_source)::text = ANY ((ARRAY['DECISION'::character varying, 'STRATEGY'::character varying, 'CONFIGURATION'::character varying])::text[]))),
    CONSTRAINT ck_pending_outcome_measurements_measured CHECK ((((status)::text <> 'MEASURED'::text) OR ((outcome IS NOT NULL) AND (measured_at IS NOT NULL)))),
    CONSTRAINT ck_pending_outcome_measurements_prices CHECK ((((reference_price IS NULL) OR (reference_price > (0)::numeric)) AND ((exit_price IS NULL) OR (exit_price > (0)::numeric)))),
    CONSTRAINT ck_pending_outcome_measurements_status CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'MEASURED'::character varying, 'SKIPPED'::character varying])::text[])))
);
ALTER TABLE public.pending_outcome_measurements OWNER TO finagent_portfolio;
ALTER TABLE public.pending_outcome_measurements ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.pending_outcome_measurements_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.portfolios (
    id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    name character varying(200) NOT NULL,
    description text,
    base_currency character varying(3) DEFAULT 'USD'::character varying NOT NULL,
    initial_capital numeric(24,8) NOT NULL,
    cash_balance numeric(24,8) NOT NULL,
    current_value numeric(24,8) NOT NULL,
    valued_at timestamp with time zone,
    accounting_method character varying(16) DEFAULT 'AVERAGE_COST'::character varying NOT NULL,
    allow_short_selling boolean DEFAULT false NOT NULL,
    allow_margin boolean DEFAULT false NOT NULL,
    strategy_id bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    idempotency_key character varying(100),
    CONSTRAINT ck_portfolios_accounting_method CHECK (((accounting_method)::text = ANY ((ARRAY['AVERAGE_COST'::character varying, 'FIFO'::character varying])::text[]))),
    CONSTRAINT ck_portfolios_cash_margin CHECK ((allow_margin OR (cash_balance >= (0)::numeric))),
    CONSTRAINT ck_portfolios_initial_capital CHECK ((initial_capital >= (0)::numeric)),
    CONSTRAINT ck_portfolios_name CHECK ((btrim((name)::text) <> ''::text))
);
ALTER TABLE public.portfolios OWNER TO finagent_portfolio;
ALTER TABLE public.portfolios ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.portfolios_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.position_lots (
    id bigint NOT NULL,
    position_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    buy_transaction_id bigint,
    acquired_at timestamp with time zone NOT NULL,
    original_quantity numeric(28,10) NOT NULL,
    remaining_quantity numeric(28,10) NOT NULL,
    original_cost numeric(24,8) NOT NULL,
    remaining_cost numeric(24,8) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    buy_executed_at timestamp with time zone,
    CONSTRAINT ck_position_lots_closed_at_zero_cost CHECK (((remaining_quantity <> (0)::numeric) OR (remaining_cost = (0)::numeric))),
    CONSTRAINT ck_position_lots_quantities CHECK (((original_quantity > (0)::numeric) AND (remaining_quantity >= (0)::numeric)))
);
ALTER TABLE public.position_lots OWNER TO finagent_portfolio;
ALTER TABLE public.position_lots ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.position_lots_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.positions (
    id bigint NOT NULL,
    portfolio_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    symbol character varying(32) NOT NULL,
    quantity numeric(28,10) DEFAULT 0 NOT NULL,
    average_price numeric(24,8) DEFAULT 0 NOT NULL,
    cost_basis numeric(24,8) DEFAULT 0 NOT NULL,
    realized_pnl numeric(24,8) DEFAULT 0 NOT NULL,
    current_price numeric(24,8),
    market_value numeric(24,8),
    unrealized_pnl numeric(24,8),
    price_updated_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    opened_at timestamp with time zone,
    CONSTRAINT ck_positions_closed_at_zero_cost CHECK (((quantity <> (0)::numeric) OR (cost_basis = (0)::numeric))),
    CONSTRAINT ck_positions_symbol CHECK ((btrim((symbol)::text) <> ''::text))
);
ALTER TABLE public.positions OWNER TO finagent_portfolio;
ALTER TABLE public.positions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.positions_id_seq
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
ALTER TABLE public.row_changes OWNER TO finagent_portfolio;
ALTER TABLE public.row_changes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.row_changes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.series_backlog (
    id bigint NOT NULL,
    line text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    symbol character varying(32),
    sent_at timestamp with time zone,
    recorded_in xid8 DEFAULT pg_current_xact_id() NOT NULL
);
ALTER TABLE public.series_backlog OWNER TO finagent_portfolio;
ALTER TABLE public.series_backlog ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.series_backlog_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.series_resets (
    id bigint NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE public.series_resets OWNER TO finagent_portfolio;
ALTER TABLE public.series_resets ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.series_resets_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.series_restores (
    id bigint NOT NULL,
    line text NOT NULL,
    symbol character varying(32),
    restored_in xid8 DEFAULT pg_current_xact_id() NOT NULL
);
ALTER TABLE public.series_restores OWNER TO finagent_portfolio;
ALTER TABLE public.series_restores ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.series_restores_id_seq
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
ALTER TABLE public.storage_samples OWNER TO finagent_portfolio;
CREATE TABLE public.strategy_defaults (
    strategy_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    status character varying(16) NOT NULL,
    default_horizon_minutes integer,
    version integer NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    CONSTRAINT ck_strategy_defaults_horizon CHECK (((default_horizon_minutes IS NULL) OR (default_horizon_minutes > 0))),
    CONSTRAINT ck_strategy_defaults_status CHECK (((status)::text = ANY ((ARRAY['ACTIVE'::character varying, 'INACTIVE'::character varying, 'ARCHIVED'::character varying])::text[])))
);
ALTER TABLE public.strategy_defaults OWNER TO finagent_portfolio;
CREATE TABLE public.transaction_decisions (
    portfolio_id bigint NOT NULL,
    decision_id bigint NOT NULL
);
ALTER TABLE public.transaction_decisions OWNER TO finagent_portfolio;
CREATE TABLE public.transaction_idempotency_keys (
    user_id character varying(64) NOT NULL,
    idempotency_key character varying(100) NOT NULL,
    portfolio_id bigint NOT NULL
);
ALTER TABLE public.transaction_idempotency_keys OWNER TO finagent_portfolio;
CREATE TABLE public.transactions (
    id bigint NOT NULL,
    portfolio_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    symbol character varying(32) NOT NULL,
    transaction_type character varying(8) NOT NULL,
    quantity numeric(28,10),
    price numeric(24,8),
    amount numeric(24,8),
    commission numeric(24,8) DEFAULT 0 NOT NULL,
    split_ratio numeric(20,10),
    realized_pnl numeric(24,8),
    cash_balance_after numeric(24,8),
    decision_id bigint,
    executed_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    idempotency_key character varying(100),
    strategy_id bigint,
    notes text,
    CONSTRAINT ck_transactions_commission CHECK ((commission >= (0)::numeric)),
    CONSTRAINT ck_transactions_notes CHECK ((length(notes) <= 2000)),
    CONSTRAINT ck_transactions_shape CHECK (((((transaction_type)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying])::text[])) AND (quantity > (0)::numeric) AND (price IS NOT NULL) AND (price >= (0)::numeric)) OR (((transaction_type)::text = 'DIVIDEND'::text) AND (amount IS NOT NULL) AND (amount >= (0)::numeric)) OR (((transaction_type)::text = 'SPLIT'::text) AND (split_ratio IS NOT NULL) AND (split_ratio > (0)::numeric)))),
    CONSTRAINT ck_transactions_type CHECK (((transaction_type)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying, 'DIVIDEND'::character varying, 'SPLIT'::character varying])::text[])))
)
PARTITION BY RANGE (executed_at);
ALTER TABLE public.transactions OWNER TO finagent_portfolio;
CREATE TABLE public.transactions_default (
    id bigint NOT NULL,
    portfolio_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    symbol character varying(32) NOT NULL,
    transaction_type character varying(8) NOT NULL,
    quantity numeric(28,10),
    price numeric(24,8),
    amount numeric(24,8),
    commission numeric(24,8) DEFAULT 0 NOT NULL,
    split_ratio numeric(20,10),
    realized_pnl numeric(24,8),
    cash_balance_after numeric(24,8),
    decision_id bigint,
    executed_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    idempotency_key character varying(100),
    strategy_id bigint,
    notes text,
    CONSTRAINT ck_transactions_commission CHECK ((commission >= (0)::numeric)),
    CONSTRAINT ck_transactions_notes CHECK ((length(notes) <= 2000)),
    CONSTRAINT ck_transactions_shape CHECK (((((transaction_type)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying])::text[])) AND (quantity > (0)::numeric) AND (price IS NOT NULL) AND (price >= (0)::numeric)) OR (((transaction_type)::text = 'DIVIDEND'::text) AND (amount IS NOT NULL) AND (amount >= (0)::numeric)) OR (((transaction_type)::text = 'SPLIT'::text) AND (split_ratio IS NOT NULL) AND (split_ratio > (0)::numeric)))),
    CONSTRAINT ck_transactions_type CHECK (((transaction_type)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying, 'DIVIDEND'::character varying, 'SPLIT'::character varying])::text[])))
);
ALTER TABLE public.transactions_default OWNER TO finagent_portfolio;
ALTER TABLE public.transactions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.transactions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.user_settings (
    id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    setting_key character varying(100) NOT NULL,
    setting_value jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_user_settings_key CHECK ((btrim((setting_key)::text) <> ''::text))
);
ALTER TABLE public.user_settings OWNER TO finagent_portfolio;
ALTER TABLE public.user_settings ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.user_settings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.users (
    id bigint NOT NULL,
    subject character varying(64) NOT NULL,
    username character varying(100) NOT NULL,
    email character varying(320),
    preferences jsonb DEFAULT '{}'::jsonb NOT NULL,
    last_login timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_users_preferences CHECK ((jsonb_typeof(preferences) = 'object'::text)),
    CONSTRAINT ck_users_subject CHECK ((btrim((subject)::text) <> ''::text))
);
ALTER TABLE public.users OWNER TO finagent_portfolio;
ALTER TABLE public.users ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
ALTER TABLE ONLY public.transactions ATTACH PARTITION public.transactions_default DEFAULT;
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
ALTER TABLE ONLY public.pending_outcome_measurements
    ADD CONSTRAINT pending_outcome_measurements_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.portfolios
    ADD CONSTRAINT portfolios_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.position_lots
    ADD CONSTRAINT position_lots_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.positions
    ADD CONSTRAINT positions_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.row_changes
    ADD CONSTRAINT row_changes_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.series_backlog
    ADD CONSTRAINT series_backlog_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.series_resets
    ADD CONSTRAINT series_resets_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.series_restores
    ADD CONSTRAINT series_restores_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.storage_samples
    ADD CONSTRAINT storage_samples_pkey PRIMARY KEY (table_name, sampled_on);
ALTER TABLE ONLY public.strategy_defaults
    ADD CONSTRAINT strategy_defaults_pkey PRIMARY KEY (strategy_id);
ALTER TABLE ONLY public.transaction_decisions
    ADD CONSTRAINT transaction_decisions_pkey PRIMARY KEY (portfolio_id, decision_id);
ALTER TABLE ONLY public.transaction_idempotency_keys
    ADD CONSTRAINT transaction_idempotency_keys_pkey PRIMARY KEY (user_id, idempotency_key);
ALTER TABLE ONLY public.transactions
    ADD CONSTRAINT transactions_pkey PRIMARY KEY (id, executed_at);
ALTER TABLE ONLY public.transactions_default
    ADD CONSTRAINT transactions_default_pkey PRIMARY KEY (id, executed_at);
ALTER TABLE ONLY public.pending_outcome_measurements
    ADD CONSTRAINT uq_pending_outcome_measurements_decision UNIQUE (decision_id);
ALTER TABLE ONLY public.portfolios
    ADD CONSTRAINT uq_portfolios_idempotency UNIQUE (user_id, idempotency_key);
ALTER TABLE ONLY public.positions
    ADD CONSTRAINT uq_positions_portfolio_symbol UNIQUE (portfolio_id, symbol);
ALTER TABLE ONLY public.user_settings
    ADD CONSTRAINT uq_user_settings_user_key UNIQUE (user_id, setting_key);
ALTER TABLE ONLY public.users
    ADD CONSTRAINT uq_users_subject UNIQUE (subject);
ALTER TABLE ONLY public.users
    ADD CONSTRAINT uq_users_username UNIQUE (username);
ALTER TABLE ONLY public.user_settings
    ADD CONSTRAINT user_settings_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);
CREATE INDEX inbox_events_received ON public.inbox_events USING btree (received_at);
CREATE INDEX ix_backup_exports_finished ON public.backup_exports USING btree (finished_at);
CREATE INDEX ix_observed_decisions_user_decided ON public.observed_decisions USING btree (user_id, decided_at DESC);
CREATE INDEX ix_observed_decisions_user_strategy_decided ON public.observed_decisions USING btree (user_id, strategy_id, decided_at DESC);
CREATE INDEX ix_pending_outcome_measurements_next_check ON public.pending_outcome_measurements USING btree (next_check_at) WHERE ((status)::text = 'PENDING'::text);
CREATE INDEX ix_pending_outcome_measurements_symbol_due ON public.pending_outcome_measurements USING btree (symbol, due_at) WHERE ((status)::text = 'PENDING'::text);
CREATE INDEX ix_pending_outcome_measurements_user_decided ON public.pending_outcome_measurements USING btree (user_id, decided_at DESC);
CREATE INDEX ix_portfolios_user_created ON public.portfolios USING btree (user_id, created_at DESC);
CREATE INDEX ix_position_lots_buy_transaction ON public.position_lots USING btree (buy_transaction_id);
CREATE INDEX ix_position_lots_open_fifo ON public.position_lots USING btree (position_id, acquired_at, id) WHERE (remaining_quantity > (0)::numeric);
CREATE INDEX ix_position_lots_user_position ON public.position_lots USING btree (user_id, position_id);
CREATE INDEX ix_positions_symbol ON public.positions USING btree (symbol);
CREATE INDEX ix_positions_user_portfolio ON public.positions USING btree (user_id, portfolio_id);
CREATE INDEX ix_transaction_idempotency_keys_portfolio ON public.transaction_idempotency_keys USING btree (portfolio_id);
CREATE INDEX ix_transactions_executed ON ONLY public.transactions USING btree (executed_at);
CREATE INDEX ix_transactions_idempotency ON ONLY public.transactions USING btree (user_id, idempotency_key) WHERE (idempotency_key IS NOT NULL);
CREATE INDEX ix_transactions_portfolio_symbol_executed ON ONLY public.transactions USING btree (portfolio_id, symbol, executed_at);
CREATE INDEX ix_transactions_symbol ON ONLY public.transactions USING btree (symbol);
CREATE INDEX ix_transactions_user_portfolio_executed ON ONLY public.transactions USING btree (user_id, portfolio_id, executed_at DESC);
CREATE INDEX outbox_events_published ON public.outbox_events USING btree (published_at) WHERE (published_at IS NOT NULL);
CREATE INDEX outbox_events_unpublished ON public.outbox_events USING btree (created_at) WHERE (published_at IS NULL);
CREATE INDEX row_changes_table ON public.row_changes USING btree (table_name, id);
CREATE INDEX series_backlog_unsent ON public.series_backlog USING btree (id) WHERE (sent_at IS NULL);
CREATE INDEX transactions_default_executed_at_idx ON public.transactions_default USING btree (executed_at);
CREATE INDEX transactions_default_portfolio_id_symbol_executed_at_idx ON public.transactions_default USING btree (portfolio_id, symbol, executed_at);
CREATE INDEX transactions_default_symbol_idx ON public.transactions_default USING btree (symbol);
CREATE INDEX transactions_default_user_id_idempotency_key_idx ON public.transactions_default USING btree (user_id, idempotency_key) WHERE (idempotency_key IS NOT NULL);
CREATE INDEX transactions_default_user_id_portfolio_id_executed_at_idx ON public.transactions_default USING btree (user_id, portfolio_id, executed_at DESC);
CREATE UNIQUE INDEX uq_portfolios_user_strategy ON public.portfolios USING btree (user_id, strategy_id) WHERE (strategy_id IS NOT NULL);
ALTER INDEX public.ix_transactions_executed ATTACH PARTITION public.transactions_default_executed_at_idx;
ALTER INDEX public.transactions_pkey ATTACH PARTITION public.transactions_default_pkey;
ALTER INDEX public.ix_transactions_portfolio_symbol_executed ATTACH PARTITION public.transactions_default_portfolio_id_symbol_executed_at_idx;
ALTER INDEX public.ix_transactions_symbol ATTACH PARTITION public.transactions_default_symbol_idx;
ALTER INDEX public.ix_transactions_idempotency ATTACH PARTITION public.transactions_default_user_id_idempotency_key_idx;
ALTER INDEX public.ix_transactions_user_portfolio_executed ATTACH PARTITION public.transactions_default_user_id_portfolio_id_executed_at_idx;
CREATE TRIGGER observed_decisions_changes AFTER INSERT OR DELETE OR UPDATE ON public.observed_decisions FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('decision_id');
CREATE TRIGGER pending_outcome_measurements_changes AFTER INSERT OR DELETE OR UPDATE ON public.pending_outcome_measurements FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER portfolios_changes AFTER INSERT OR DELETE OR UPDATE ON public.portfolios FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER position_lots_changes AFTER INSERT OR DELETE OR UPDATE ON public.position_lots FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER positions_changes AFTER INSERT OR DELETE OR UPDATE ON public.positions FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER series_backlog_changes AFTER INSERT ON public.series_backlog FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER strategy_defaults_changes AFTER INSERT OR DELETE OR UPDATE ON public.strategy_defaults FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('strategy_id');
CREATE TRIGGER transaction_decisions_changes AFTER INSERT OR DELETE OR UPDATE ON public.transaction_decisions FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('portfolio_id', 'decision_id');
CREATE TRIGGER transaction_idempotency_keys_changes AFTER INSERT OR DELETE OR UPDATE ON public.transaction_idempotency_keys FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('user_id', 'idempotency_key');
CREATE TRIGGER transactions_changes AFTER INSERT OR DELETE OR UPDATE ON public.transactions FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER transactions_claims AFTER INSERT ON public.transactions FOR EACH ROW EXECUTE FUNCTION public.finagent_claim_transaction_keys();
CREATE TRIGGER user_settings_changes AFTER INSERT OR DELETE OR UPDATE ON public.user_settings FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER users_changes AFTER INSERT OR DELETE OR UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
ALTER TABLE ONLY public.pending_outcome_measurements
    ADD CONSTRAINT pending_outcome_measurements_decision_id_fkey FOREIGN KEY (decision_id) REFERENCES public.observed_decisions(decision_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.position_lots
    ADD CONSTRAINT position_lots_buy_transaction_id_fkey FOREIGN KEY (buy_transaction_id, buy_executed_at) REFERENCES public.transactions(id, executed_at) ON DELETE CASCADE;
ALTER TABLE ONLY public.position_lots
    ADD CONSTRAINT position_lots_position_id_fkey FOREIGN KEY (position_id) REFERENCES public.positions(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.positions
    ADD CONSTRAINT positions_portfolio_id_fkey FOREIGN KEY (portfolio_id) REFERENCES public.portfolios(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.transaction_decisions
    ADD CONSTRAINT transaction_decisions_portfolio_id_fkey FOREIGN KEY (portfolio_id) REFERENCES public.portfolios(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.transaction_idempotency_keys
    ADD CONSTRAINT transaction_idempotency_keys_portfolio_id_fkey FOREIGN KEY (portfolio_id) REFERENCES public.portfolios(id) ON DELETE CASCADE;
ALTER TABLE public.transactions
    ADD CONSTRAINT transactions_portfolio_id_fkey FOREIGN KEY (portfolio_id) REFERENCES public.portfolios(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.user_settings
    ADD CONSTRAINT user_settings_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(subject) ON UPDATE CASCADE ON DELETE CASCADE;
