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
ALTER FUNCTION public.finagent_create_month_partitions(parent text, first_month timestamp with time zone, last_month timestamp with time zone) OWNER TO finagent_memory;
CREATE FUNCTION public.finagent_market_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE market_generations g SET generation = g.generation + 1, removed = g.generation + 1
    WHERE g.kind = TG_ARGV[0] AND g.user_id IN (OLD.user_id, NEW.user_id);
    RETURN NULL;
END $$;
ALTER FUNCTION public.finagent_market_changed() OWNER TO finagent_memory;
CREATE FUNCTION public.finagent_market_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE market_generations g SET generation = g.generation + 1, removed = g.generation + 1
    WHERE g.kind = TG_ARGV[0] AND g.user_id IN (SELECT DISTINCT user_id FROM gone);
    RETURN NULL;
END $$;
ALTER FUNCTION public.finagent_market_removed() OWNER TO finagent_memory;
CREATE FUNCTION public.finagent_next_market_generation() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    taken    TEXT := 'finagent.generation_' || md5(TG_ARGV[0] || '/' || NEW.user_id);
    assigned BIGINT;
BEGIN
    IF TG_OP = 'INSERT' AND NEW.generation > 0 THEN
        RETURN NEW;
    END IF;
    assigned := nullif(current_setting(taken, true), '')::bigint;
    IF assigned IS NULL THEN
        INSERT INTO market_generations AS g (user_id, kind, generation) VALUES (NEW.user_id, TG_ARGV[0], 1)
        ON CONFLICT (user_id, kind) DO UPDATE SET generation = g.generation + 1
        RETURNING g.generation INTO assigned;
        PERFORM set_config(taken, assigned::text, true);
    END IF;
    NEW.generation := assigned;
    RETURN NEW;
END $$;
ALTER FUNCTION public.finagent_next_market_generation() OWNER TO finagent_memory;
CREATE FUNCTION public.finagent_partition_by_month(tbl text, by_column text, months_back integer) RETURNS void
    LANGUAGE sql
    AS $$ SELECT finagent_rebuild_table(tbl, by_column, months_back) $$;
ALTER FUNCTION public.finagent_partition_by_month(tbl text, by_column text, months_back integer) OWNER TO finagent_memory;
CREATE FUNCTION public.finagent_raise_market_generation() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO market_generations AS g (user_id, kind, generation)
    SELECT user_id, TG_ARGV[0], max(generation) FROM added GROUP BY user_id
    ON CONFLICT (user_id, kind) DO UPDATE SET generation = excluded.generation WHERE g.generation < excluded.generation;
    RETURN NULL;
END $$;
ALTER FUNCTION public.finagent_raise_market_generation() OWNER TO finagent_memory;
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
ALTER FUNCTION public.finagent_rebuild_table(tbl text, by_column text, months_back integer) OWNER TO finagent_memory;
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
ALTER FUNCTION public.finagent_record_change() OWNER TO finagent_memory;
CREATE FUNCTION public.finagent_record_decision_removals() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO decision_removals (decision_id) SELECT id FROM removed;
    RETURN NULL;
END $$;
ALTER FUNCTION public.finagent_record_decision_removals() OWNER TO finagent_memory;
CREATE FUNCTION public.finagent_row_key(source jsonb, columns text[]) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT jsonb_object_agg(c, source -> c) FROM unnest(columns) AS c $$;
ALTER FUNCTION public.finagent_row_key(source jsonb, columns text[]) OWNER TO finagent_memory;
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
ALTER FUNCTION public.finagent_take_indexes_keys_triggers(tbl text) OWNER TO finagent_memory;
CREATE FUNCTION public.finagent_unpartition(tbl text) RETURNS void
    LANGUAGE sql
    AS $$ SELECT finagent_rebuild_table(tbl, NULL, NULL) $$;
ALTER FUNCTION public.finagent_unpartition(tbl text) OWNER TO finagent_memory;
SET default_tablespace = '';
SET default_table_access_method = heap;
CREATE TABLE public.agent_contexts (
    id uuid NOT NULL,
    user_id character varying(64) NOT NULL,
    as_of timestamp with time zone NOT NULL,
    assembled_at timestamp with time zone DEFAULT now() NOT NULL,
    body text NOT NULL,
    digest character varying(64) NOT NULL,
    CONSTRAINT ck_agent_contexts_digest CHECK (((digest)::text ~ '^[0-9a-f]{64}$'::text))
);
ALTER TABLE public.agent_contexts OWNER TO finagent_memory;
CREATE TABLE public.ai_memory (
    id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    memory_type character varying(16) NOT NULL,
    content jsonb DEFAULT '{}'::jsonb NOT NULL,
    summary text,
    relevance_score numeric(10,8) DEFAULT 1 NOT NULL,
    access_count bigint DEFAULT 0 NOT NULL,
    last_accessed timestamp with time zone,
    decision_id bigint,
    success_count bigint DEFAULT 0 NOT NULL,
    failure_count bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    idempotency_key character varying(100),
    outcome_count bigint DEFAULT 0 NOT NULL,
    features jsonb DEFAULT '{}'::jsonb NOT NULL,
    symbol character varying(32),
    strategy_id bigint,
    learned_at timestamp with time zone DEFAULT now() NOT NULL,
    generation bigint DEFAULT 0 NOT NULL,
    CONSTRAINT ck_ai_memory_access_count CHECK ((access_count >= 0)),
    CONSTRAINT ck_ai_memory_counts CHECK (((success_count >= 0) AND (failure_count >= 0))),
    CONSTRAINT ck_ai_memory_features CHECK ((jsonb_typeof(features) = 'object'::text)),
    CONSTRAINT ck_ai_memory_memory_type CHECK (((memory_type)::text = ANY ((ARRAY['DECISION'::character varying, 'PATTERN'::character varying, 'FEEDBACK'::character varying, 'OBSERVATION'::character varying])::text[]))),
    CONSTRAINT ck_ai_memory_outcome_count CHECK ((outcome_count >= (success_count + failure_count))),
    CONSTRAINT ck_ai_memory_relevance_score CHECK ((relevance_score >= (0)::numeric)),
    CONSTRAINT ck_ai_memory_symbol CHECK (((symbol IS NULL) OR (btrim((symbol)::text) <> ''::text)))
);
ALTER TABLE public.ai_memory OWNER TO finagent_memory;
ALTER TABLE public.ai_memory ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ai_memory_id_seq
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
ALTER TABLE public.backup_exports OWNER TO finagent_memory;
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
ALTER TABLE public.data_restores OWNER TO finagent_memory;
ALTER TABLE public.data_restores ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.data_restores_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.decision_history (
    id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    strategy_id bigint NOT NULL,
    symbol character varying(32) NOT NULL,
    decision_type character varying(4) NOT NULL,
    confidence numeric(5,4) NOT NULL,
    reasoning text,
    market_context jsonb DEFAULT '{}'::jsonb NOT NULL,
    cited_memory_ids bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    cited_pattern_ids bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    horizon_minutes integer,
    outcome numeric(20,10),
    outcome_measured_at timestamp with time zone,
    decided_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    idempotency_key character varying(100),
    access_count bigint DEFAULT 0 NOT NULL,
    last_accessed timestamp with time zone,
    context_id uuid,
    context_digest character varying(64),
    CONSTRAINT ck_decision_history_access_count CHECK ((access_count >= 0)),
    CONSTRAINT ck_decision_history_cited_memory_ids CHECK ((array_position(cited_memory_ids, NULL::bigint) IS NULL)),
    CONSTRAINT ck_decision_history_cited_pattern_ids CHECK ((array_position(cited_pattern_ids, NULL::bigint) IS NULL)),
    CONSTRAINT ck_decision_history_confidence CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric))),
    CONSTRAINT ck_decision_history_context CHECK (((context_id IS NULL) = (context_digest IS NULL))),
    CONSTRAINT ck_decision_history_decision_type CHECK (((decision_type)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying, 'HOLD'::character varying])::text[]))),
    CONSTRAINT ck_decision_history_horizon CHECK (((horizon_minutes IS NULL) OR (horizon_minutes > 0))),
    CONSTRAINT ck_decision_history_market_context CHECK ((jsonb_typeof(market_context) = 'object'::text)),
    CONSTRAINT ck_decision_history_outcome_measured CHECK (((outcome IS NULL) = (outcome_measured_at IS NULL))),
    CONSTRAINT ck_decision_history_symbol CHECK ((btrim((symbol)::text) <> ''::text))
)
PARTITION BY RANGE (decided_at);
ALTER TABLE public.decision_history OWNER TO finagent_memory;
CREATE TABLE public.decision_history_default (
    id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    strategy_id bigint NOT NULL,
    symbol character varying(32) NOT NULL,
    decision_type character varying(4) NOT NULL,
    confidence numeric(5,4) NOT NULL,
    reasoning text,
    market_context jsonb DEFAULT '{}'::jsonb NOT NULL,
    cited_memory_ids bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    cited_pattern_ids bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    horizon_minutes integer,
    outcome numeric(20,10),
    outcome_measured_at timestamp with time zone,
    decided_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    idempotency_key character varying(100),
    access_count bigint DEFAULT 0 NOT NULL,
    last_accessed timestamp with time zone,
    context_id uuid,
    context_digest character varying(64),
    CONSTRAINT ck_decision_history_access_count CHECK ((access_count >= 0)),
    CONSTRAINT ck_decision_history_cited_memory_ids CHECK ((array_position(cited_memory_ids, NULL::bigint) IS NULL)),
    CONSTRAINT ck_decision_history_cited_pattern_ids CHECK ((array_position(cited_pattern_ids, NULL::bigint) IS NULL)),
    CONSTRAINT ck_decision_history_confidence CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric))),
    CONSTRAINT ck_decision_history_context CHECK (((context_id IS NULL) = (context_digest IS NULL))),
    CONSTRAINT ck_decision_history_decision_type CHECK (((decision_type)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying, 'HOLD'::character varying])::text[]))),
    CONSTRAINT ck_decision_history_horizon CHECK (((horizon_minutes IS NULL) OR (horizon_minutes > 0))),
    CONSTRAINT ck_decision_history_market_context CHECK ((jsonb_typeof(market_context) = 'object'::text)),
    CONSTRAINT ck_decision_history_outcome_measured CHECK (((outcome IS NULL) = (outcome_measured_at IS NULL))),
    CONSTRAINT ck_decision_history_symbol CHECK ((btrim((symbol)::text) <> ''::text))
)
WITH (fillfactor='90');
ALTER TABLE public.decision_history_default OWNER TO finagent_memory;
ALTER TABLE public.decision_history ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.decision_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.decision_idempotency_keys (
    user_id character varying(64) NOT NULL,
    idempotency_key character varying(100) NOT NULL
);
ALTER TABLE public.decision_idempotency_keys OWNER TO finagent_memory;
CREATE TABLE public.decision_removals (
    id bigint NOT NULL,
    decision_id bigint NOT NULL,
    removed_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE public.decision_removals OWNER TO finagent_memory;
ALTER TABLE public.decision_removals ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.decision_removals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.episodes (
    id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    symbol character varying(32) NOT NULL,
    strategy_id bigint,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    entry jsonb DEFAULT '{}'::jsonb NOT NULL,
    steps jsonb DEFAULT '[]'::jsonb NOT NULL,
    exit jsonb,
    result numeric(20,10),
    features jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    idempotency_key character varying(100),
    generation bigint DEFAULT 0 NOT NULL,
    CONSTRAINT ck_episodes_features CHECK ((jsonb_typeof(features) = 'object'::text)),
    CONSTRAINT ck_episodes_period CHECK (((ended_at IS NULL) OR (ended_at >= started_at))),
    CONSTRAINT ck_episodes_steps CHECK ((jsonb_typeof(steps) = 'array'::text)),
    CONSTRAINT ck_episodes_symbol CHECK ((btrim((symbol)::text) <> ''::text))
);
ALTER TABLE public.episodes OWNER TO finagent_memory;
ALTER TABLE public.episodes ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.episodes_id_seq
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
ALTER TABLE public.inbox_events OWNER TO finagent_memory;
CREATE TABLE public.market_generations (
    user_id character varying(64) NOT NULL,
    kind character varying(16) NOT NULL,
    generation bigint NOT NULL,
    removed bigint DEFAULT 0 NOT NULL,
    CONSTRAINT ck_market_generations_kind CHECK (((kind)::text = ANY ((ARRAY['lesson'::character varying, 'episode'::character varying, 'pattern'::character varying])::text[])))
);
ALTER TABLE public.market_generations OWNER TO finagent_memory;
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
ALTER TABLE public.outbox_events OWNER TO finagent_memory;
CREATE TABLE public.outcome_credits (
    id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    pattern_id bigint,
    memory_id bigint,
    decision_id bigint,
    occurrences bigint DEFAULT 1 NOT NULL,
    wins bigint NOT NULL,
    losses bigint NOT NULL,
    outcome numeric(30,10) NOT NULL,
    credited_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_outcome_credits_counts CHECK (((occurrences >= 1) AND (wins >= 0) AND (losses >= 0) AND ((wins + losses) <= occurrences))),
    CONSTRAINT ck_outcome_credits_target CHECK (((pattern_id IS NULL) <> (memory_id IS NULL)))
);
ALTER TABLE public.outcome_credits OWNER TO finagent_memory;
ALTER TABLE public.outcome_credits ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.outcome_credits_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.pattern_recognition (
    id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    pattern_type character varying(64) NOT NULL,
    pattern_name character varying(200) NOT NULL,
    pattern_data jsonb DEFAULT '{}'::jsonb NOT NULL,
    symbol character varying(32),
    occurrences bigint DEFAULT 0 NOT NULL,
    successes bigint DEFAULT 0 NOT NULL,
    failures bigint DEFAULT 0 NOT NULL,
    total_outcome numeric(30,10) DEFAULT 0 NOT NULL,
    success_rate numeric(10,8) DEFAULT 0 NOT NULL,
    confidence numeric(10,8) DEFAULT 0 NOT NULL,
    last_seen timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    idempotency_key character varying(100),
    recognized_at timestamp with time zone DEFAULT now() NOT NULL,
    generation bigint DEFAULT 0 NOT NULL,
    CONSTRAINT ck_pattern_recognition_confidence CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric))),
    CONSTRAINT ck_pattern_recognition_counts CHECK (((occurrences >= 0) AND (successes >= 0) AND (failures >= 0) AND ((successes + failures) <= occurrences))),
    CONSTRAINT ck_pattern_recognition_success_rate CHECK (((success_rate >= (0)::numeric) AND (success_rate <= (1)::numeric)))
);
ALTER TABLE public.pattern_recognition OWNER TO finagent_memory;
ALTER TABLE public.pattern_recognition ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.pattern_recognition_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.recall_index_origin (
    database_id uuid DEFAULT gen_random_uuid() NOT NULL
);
ALTER TABLE public.recall_index_origin OWNER TO finagent_memory;
CREATE TABLE public.row_changes (
    id bigint NOT NULL,
    table_name text NOT NULL,
    row_key jsonb NOT NULL,
    xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    changed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
ALTER TABLE public.row_changes OWNER TO finagent_memory;
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
ALTER TABLE public.storage_samples OWNER TO finagent_memory;
ALTER TABLE ONLY public.decision_history ATTACH PARTITION public.decision_history_default DEFAULT;
ALTER TABLE ONLY public.agent_contexts
    ADD CONSTRAINT agent_contexts_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.ai_memory
    ADD CONSTRAINT ai_memory_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.backup_exports
    ADD CONSTRAINT backup_exports_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.data_restores
    ADD CONSTRAINT data_restores_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.decision_history
    ADD CONSTRAINT decision_history_pkey PRIMARY KEY (id, decided_at);
ALTER TABLE ONLY public.decision_history_default
    ADD CONSTRAINT decision_history_default_pkey PRIMARY KEY (id, decided_at);
ALTER TABLE ONLY public.decision_idempotency_keys
    ADD CONSTRAINT decision_idempotency_keys_pkey PRIMARY KEY (user_id, idempotency_key);
ALTER TABLE ONLY public.decision_removals
    ADD CONSTRAINT decision_removals_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.episodes
    ADD CONSTRAINT episodes_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.inbox_events
    ADD CONSTRAINT inbox_events_pkey PRIMARY KEY (consumer, event_id);
ALTER TABLE ONLY public.market_generations
    ADD CONSTRAINT market_generations_pkey PRIMARY KEY (user_id, kind);
ALTER TABLE ONLY public.outbox_events
    ADD CONSTRAINT outbox_events_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.outcome_credits
    ADD CONSTRAINT outcome_credits_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.pattern_recognition
    ADD CONSTRAINT pattern_recognition_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.recall_index_origin
    ADD CONSTRAINT recall_index_origin_pkey PRIMARY KEY (database_id);
ALTER TABLE ONLY public.row_changes
    ADD CONSTRAINT row_changes_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.storage_samples
    ADD CONSTRAINT storage_samples_pkey PRIMARY KEY (table_name, sampled_on);
ALTER TABLE ONLY public.ai_memory
    ADD CONSTRAINT uq_ai_memory_idempotency UNIQUE (user_id, idempotency_key);
ALTER TABLE ONLY public.episodes
    ADD CONSTRAINT uq_episodes_idempotency UNIQUE (user_id, idempotency_key);
ALTER TABLE ONLY public.pattern_recognition
    ADD CONSTRAINT uq_pattern_recognition_idempotency UNIQUE (user_id, idempotency_key);
CREATE INDEX ix_decision_history_context ON ONLY public.decision_history USING btree (context_id) WHERE (context_id IS NOT NULL);
CREATE INDEX decision_history_default_context_id_idx ON public.decision_history_default USING btree (context_id) WHERE (context_id IS NOT NULL);
CREATE INDEX ix_decision_history_user_decided ON ONLY public.decision_history USING btree (user_id, decided_at DESC);
CREATE INDEX decision_history_default_user_id_decided_at_idx ON public.decision_history_default USING btree (user_id, decided_at DESC);
CREATE INDEX ix_decision_history_idempotency ON ONLY public.decision_history USING btree (user_id, idempotency_key) WHERE (idempotency_key IS NOT NULL);
CREATE INDEX decision_history_default_user_id_idempotency_key_idx ON public.decision_history_default USING btree (user_id, idempotency_key) WHERE (idempotency_key IS NOT NULL);
CREATE INDEX ix_decision_history_user_strategy_decided ON ONLY public.decision_history USING btree (user_id, strategy_id, decided_at DESC);
CREATE INDEX decision_history_default_user_id_strategy_id_decided_at_idx ON public.decision_history_default USING btree (user_id, strategy_id, decided_at DESC);
CREATE INDEX ix_decision_history_user_symbol_decided ON ONLY public.decision_history USING btree (user_id, symbol, decided_at DESC);
CREATE INDEX decision_history_default_user_id_symbol_decided_at_idx ON public.decision_history_default USING btree (user_id, symbol, decided_at DESC);
CREATE INDEX inbox_events_received ON public.inbox_events USING btree (received_at);
CREATE INDEX ix_agent_contexts_assembled ON public.agent_contexts USING btree (assembled_at);
CREATE INDEX ix_ai_memory_user_created ON public.ai_memory USING btree (user_id, created_at DESC);
CREATE INDEX ix_ai_memory_user_decision ON public.ai_memory USING btree (user_id, decision_id) WHERE (decision_id IS NOT NULL);
CREATE INDEX ix_ai_memory_user_generation ON public.ai_memory USING btree (user_id, generation);
CREATE INDEX ix_ai_memory_user_learned ON public.ai_memory USING btree (user_id, learned_at DESC);
CREATE INDEX ix_ai_memory_user_relevance ON public.ai_memory USING btree (user_id, relevance_score DESC);
CREATE INDEX ix_ai_memory_user_type_created ON public.ai_memory USING btree (user_id, memory_type, created_at DESC);
CREATE INDEX ix_backup_exports_finished ON public.backup_exports USING btree (finished_at);
CREATE INDEX ix_episodes_user_generation ON public.episodes USING btree (user_id, generation);
CREATE INDEX ix_episodes_user_started ON public.episodes USING btree (user_id, started_at DESC);
CREATE INDEX ix_episodes_user_strategy_started ON public.episodes USING btree (user_id, strategy_id, started_at DESC);
CREATE INDEX ix_episodes_user_symbol_started ON public.episodes USING btree (user_id, symbol, started_at DESC);
CREATE INDEX ix_outcome_credits_memory ON public.outcome_credits USING btree (memory_id, credited_at) WHERE (memory_id IS NOT NULL);
CREATE INDEX ix_outcome_credits_pattern ON public.outcome_credits USING btree (pattern_id, credited_at) WHERE (pattern_id IS NOT NULL);
CREATE INDEX ix_outcome_credits_user_credited ON public.outcome_credits USING btree (user_id, credited_at DESC);
CREATE INDEX ix_pattern_recognition_user_confidence ON public.pattern_recognition USING btree (user_id, confidence DESC, occurrences DESC, id DESC);
CREATE INDEX ix_pattern_recognition_user_generation ON public.pattern_recognition USING btree (user_id, generation);
CREATE INDEX ix_pattern_recognition_user_last_seen ON public.pattern_recognition USING btree (user_id, last_seen DESC NULLS LAST);
CREATE INDEX ix_pattern_recognition_user_recognized ON public.pattern_recognition USING btree (user_id, recognized_at DESC);
CREATE INDEX ix_pattern_recognition_user_symbol_type ON public.pattern_recognition USING btree (user_id, symbol, pattern_type);
CREATE INDEX ix_pattern_recognition_user_type_confidence ON public.pattern_recognition USING btree (user_id, pattern_type, confidence DESC);
CREATE INDEX outbox_events_published ON public.outbox_events USING btree (published_at) WHERE (published_at IS NOT NULL);
CREATE INDEX outbox_events_unpublished ON public.outbox_events USING btree (created_at) WHERE (published_at IS NULL);
CREATE INDEX row_changes_table ON public.row_changes USING btree (table_name, id);
ALTER INDEX public.ix_decision_history_context ATTACH PARTITION public.decision_history_default_context_id_idx;
ALTER INDEX public.decision_history_pkey ATTACH PARTITION public.decision_history_default_pkey;
ALTER INDEX public.ix_decision_history_user_decided ATTACH PARTITION public.decision_history_default_user_id_decided_at_idx;
ALTER INDEX public.ix_decision_history_idempotency ATTACH PARTITION public.decision_history_default_user_id_idempotency_key_idx;
ALTER INDEX public.ix_decision_history_user_strategy_decided ATTACH PARTITION public.decision_history_default_user_id_strategy_id_decided_at_idx;
ALTER INDEX public.ix_decision_history_user_symbol_decided ATTACH PARTITION public.decision_history_default_user_id_symbol_decided_at_idx;
CREATE TRIGGER agent_contexts_changes AFTER INSERT OR DELETE OR UPDATE ON public.agent_contexts FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER ai_memory_changed AFTER UPDATE ON public.ai_memory FOR EACH ROW WHEN ((((old.user_id)::text IS DISTINCT FROM (new.user_id)::text) OR ((old.memory_type)::text IS DISTINCT FROM (new.memory_type)::text) OR (old.features IS DISTINCT FROM new.features) OR ((old.symbol)::text IS DISTINCT FROM (new.symbol)::text) OR (old.strategy_id IS DISTINCT FROM new.strategy_id) OR (old.learned_at IS DISTINCT FROM new.learned_at) OR (old.relevance_score IS DISTINCT FROM new.relevance_score))) EXECUTE FUNCTION public.finagent_market_changed('lesson');
CREATE TRIGGER ai_memory_changes AFTER INSERT OR DELETE OR UPDATE ON public.ai_memory FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER ai_memory_credited BEFORE UPDATE ON public.ai_memory FOR EACH ROW WHEN (((old.success_count IS DISTINCT FROM new.success_count) OR (old.outcome_count IS DISTINCT FROM new.outcome_count))) EXECUTE FUNCTION public.finagent_next_market_generation('lesson');
CREATE TRIGGER ai_memory_generation BEFORE INSERT ON public.ai_memory FOR EACH ROW EXECUTE FUNCTION public.finagent_next_market_generation('lesson');
ALTER TABLE public.ai_memory ENABLE ALWAYS TRIGGER ai_memory_generation;
CREATE TRIGGER ai_memory_generation_raised AFTER INSERT ON public.ai_memory REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.finagent_raise_market_generation('lesson');
ALTER TABLE public.ai_memory ENABLE ALWAYS TRIGGER ai_memory_generation_raised;
CREATE TRIGGER ai_memory_removed AFTER DELETE ON public.ai_memory REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.finagent_market_removed('lesson');
CREATE TRIGGER decision_history_changes AFTER INSERT OR DELETE OR UPDATE ON public.decision_history FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER decision_history_removals AFTER DELETE ON public.decision_history REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.finagent_record_decision_removals();
CREATE TRIGGER decision_idempotency_keys_changes AFTER INSERT OR DELETE OR UPDATE ON public.decision_idempotency_keys FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('user_id', 'idempotency_key');
CREATE TRIGGER episodes_changed AFTER UPDATE ON public.episodes FOR EACH ROW WHEN ((((old.user_id)::text IS DISTINCT FROM (new.user_id)::text) OR ((old.symbol)::text IS DISTINCT FROM (new.symbol)::text) OR (old.features IS DISTINCT FROM new.features) OR (old.ended_at IS DISTINCT FROM new.ended_at))) EXECUTE FUNCTION public.finagent_market_changed('episode');
CREATE TRIGGER episodes_changes AFTER INSERT OR DELETE OR UPDATE ON public.episodes FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER episodes_generation BEFORE INSERT ON public.episodes FOR EACH ROW EXECUTE FUNCTION public.finagent_next_market_generation('episode');
ALTER TABLE public.episodes ENABLE ALWAYS TRIGGER episodes_generation;
CREATE TRIGGER episodes_generation_raised AFTER INSERT ON public.episodes REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.finagent_raise_market_generation('episode');
ALTER TABLE public.episodes ENABLE ALWAYS TRIGGER episodes_generation_raised;
CREATE TRIGGER episodes_removed AFTER DELETE ON public.episodes REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.finagent_market_removed('episode');
CREATE TRIGGER outcome_credits_changes AFTER INSERT OR DELETE OR UPDATE ON public.outcome_credits FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER pattern_recognition_changed AFTER UPDATE ON public.pattern_recognition FOR EACH ROW WHEN ((((old.user_id)::text IS DISTINCT FROM (new.user_id)::text) OR ((old.pattern_type)::text IS DISTINCT FROM (new.pattern_type)::text) OR (old.pattern_data IS DISTINCT FROM new.pattern_data) OR ((old.symbol)::text IS DISTINCT FROM (new.symbol)::text) OR (old.recognized_at IS DISTINCT FROM new.recognized_at))) EXECUTE FUNCTION public.finagent_market_changed('pattern');
CREATE TRIGGER pattern_recognition_changes AFTER INSERT OR DELETE OR UPDATE ON public.pattern_recognition FOR EACH ROW EXECUTE FUNCTION public.finagent_record_change('id');
CREATE TRIGGER pattern_recognition_credited BEFORE UPDATE ON public.pattern_recognition FOR EACH ROW WHEN (((old.confidence IS DISTINCT FROM new.confidence) OR (old.occurrences IS DISTINCT FROM new.occurrences))) EXECUTE FUNCTION public.finagent_next_market_generation('pattern');
CREATE TRIGGER pattern_recognition_generation BEFORE INSERT ON public.pattern_recognition FOR EACH ROW EXECUTE FUNCTION public.finagent_next_market_generation('pattern');
ALTER TABLE public.pattern_recognition ENABLE ALWAYS TRIGGER pattern_recognition_generation;
CREATE TRIGGER pattern_recognition_generation_raised AFTER INSERT ON public.pattern_recognition REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.finagent_raise_market_generation('pattern');
ALTER TABLE public.pattern_recognition ENABLE ALWAYS TRIGGER pattern_recognition_generation_raised;
CREATE TRIGGER pattern_recognition_removed AFTER DELETE ON public.pattern_recognition REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.finagent_market_removed('pattern');
