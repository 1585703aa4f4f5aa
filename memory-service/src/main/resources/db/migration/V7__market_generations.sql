-- The markets of lessons, episodes and patterns (memory-service README, "Lessons, episodes and
-- patterns at scale"): every replica holds them in memory to compare a market with all of a user's,
-- and learns what changed from one cheap read per call. A transaction's rows take the next generation
-- of their user and kind, under that user's row of market_generations: the lock is held to the commit, so
-- once a reader sees generation g every row up to g is committed, and "generation > what I hold"
-- is exactly what a replica has not seen. A removal (or an update of what is held) moves `removed`,
-- and the replica reads the user's rows again; a restore is seen through data_restores. A pattern
-- credited takes a new generation too, and is read again with its new record.
CREATE TABLE market_generations (
    user_id    VARCHAR(64) NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    generation BIGINT      NOT NULL,
    removed    BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, kind),
    CONSTRAINT ck_market_generations_kind CHECK (kind IN ('lesson', 'episode', 'pattern'))
);

ALTER TABLE ai_memory ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE episodes ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE pattern_recognition ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_ai_memory_user_generation ON ai_memory (user_id, generation);
CREATE INDEX ix_episodes_user_generation ON episodes (user_id, generation);
CREATE INDEX ix_pattern_recognition_user_generation ON pattern_recognition (user_id, generation);

-- Rows of before: generations in the order of their ids
UPDATE ai_memory m SET generation = r.n
FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY id) AS n FROM ai_memory) r WHERE r.id = m.id;
UPDATE episodes e SET generation = r.n
FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY id) AS n FROM episodes) r WHERE r.id = e.id;
INSERT INTO market_generations (user_id, kind, generation) SELECT user_id, 'lesson', max(generation) FROM ai_memory GROUP BY user_id;
UPDATE pattern_recognition p SET generation = r.n
FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY id) AS n FROM pattern_recognition) r WHERE r.id = p.id;
INSERT INTO market_generations (user_id, kind, generation) SELECT user_id, 'episode', max(generation) FROM episodes GROUP BY user_id;
INSERT INTO market_generations (user_id, kind, generation) SELECT user_id, 'pattern', max(generation) FROM pattern_recognition GROUP BY user_id;

-- A new row takes its user's next generation, one per transaction (the rows of one transaction are
-- committed together, so they may share it; and a bulk insert does not update the counter row once
-- a row). A restored row keeps its own (ENABLE ALWAYS: a restore runs with session_replication_role
-- = replica, which silences ordinary triggers), and the statement raises the counter to it, so that
-- no later row takes a generation a restored one has.
CREATE FUNCTION finagent_next_market_generation() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE FUNCTION finagent_raise_market_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO market_generations AS g (user_id, kind, generation)
    SELECT user_id, TG_ARGV[0], max(generation) FROM added GROUP BY user_id
    ON CONFLICT (user_id, kind) DO UPDATE SET generation = excluded.generation WHERE g.generation < excluded.generation;
    RETURN NULL;
END $$;

-- Rows gone or changed in what replicas hold: each of their users reads its rows again.
CREATE FUNCTION finagent_market_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE market_generations g SET generation = g.generation + 1, removed = g.generation + 1
    WHERE g.kind = TG_ARGV[0] AND g.user_id IN (SELECT DISTINCT user_id FROM gone);
    RETURN NULL;
END $$;

CREATE TRIGGER ai_memory_generation BEFORE INSERT ON ai_memory
    FOR EACH ROW EXECUTE FUNCTION finagent_next_market_generation('lesson');
ALTER TABLE ai_memory ENABLE ALWAYS TRIGGER ai_memory_generation;
CREATE TRIGGER episodes_generation BEFORE INSERT ON episodes
    FOR EACH ROW EXECUTE FUNCTION finagent_next_market_generation('episode');
ALTER TABLE episodes ENABLE ALWAYS TRIGGER episodes_generation;

CREATE TRIGGER ai_memory_generation_raised AFTER INSERT ON ai_memory REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION finagent_raise_market_generation('lesson');
ALTER TABLE ai_memory ENABLE ALWAYS TRIGGER ai_memory_generation_raised;
CREATE TRIGGER episodes_generation_raised AFTER INSERT ON episodes REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION finagent_raise_market_generation('episode');
ALTER TABLE episodes ENABLE ALWAYS TRIGGER episodes_generation_raised;

CREATE TRIGGER pattern_recognition_generation BEFORE INSERT ON pattern_recognition
    FOR EACH ROW EXECUTE FUNCTION finagent_next_market_generation('pattern');
ALTER TABLE pattern_recognition ENABLE ALWAYS TRIGGER pattern_recognition_generation;
CREATE TRIGGER pattern_recognition_generation_raised AFTER INSERT ON pattern_recognition REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION finagent_raise_market_generation('pattern');
ALTER TABLE pattern_recognition ENABLE ALWAYS TRIGGER pattern_recognition_generation_raised;
-- a credit changes the record replicas hold of a pattern: it takes a new generation and is read again
-- (an ordinary trigger: a restore writes the generation it restores)
CREATE TRIGGER pattern_recognition_credited BEFORE UPDATE ON pattern_recognition FOR EACH ROW
    WHEN (OLD.confidence IS DISTINCT FROM NEW.confidence OR OLD.occurrences IS DISTINCT FROM NEW.occurrences)
    EXECUTE FUNCTION finagent_next_market_generation('pattern');

CREATE TRIGGER ai_memory_removed AFTER DELETE ON ai_memory REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION finagent_market_removed('lesson');
CREATE TRIGGER episodes_removed AFTER DELETE ON episodes REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION finagent_market_removed('episode');
-- An update of what replicas hold (never made by the service: lessons and episodes are written once)
CREATE FUNCTION finagent_market_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE market_generations g SET generation = g.generation + 1, removed = g.generation + 1
    WHERE g.kind = TG_ARGV[0] AND g.user_id IN (OLD.user_id, NEW.user_id);
    RETURN NULL;
END $$;

CREATE TRIGGER ai_memory_changed AFTER UPDATE ON ai_memory FOR EACH ROW
    WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.memory_type IS DISTINCT FROM NEW.memory_type
          OR OLD.features IS DISTINCT FROM NEW.features OR OLD.symbol IS DISTINCT FROM NEW.symbol
          OR OLD.strategy_id IS DISTINCT FROM NEW.strategy_id OR OLD.learned_at IS DISTINCT FROM NEW.learned_at
          OR OLD.relevance_score IS DISTINCT FROM NEW.relevance_score)
    EXECUTE FUNCTION finagent_market_changed('lesson');
CREATE TRIGGER pattern_recognition_removed AFTER DELETE ON pattern_recognition REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION finagent_market_removed('pattern');
CREATE TRIGGER pattern_recognition_changed AFTER UPDATE ON pattern_recognition FOR EACH ROW
    WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.pattern_type IS DISTINCT FROM NEW.pattern_type
          OR OLD.pattern_data IS DISTINCT FROM NEW.pattern_data OR OLD.symbol IS DISTINCT FROM NEW.symbol
          OR OLD.recognized_at IS DISTINCT FROM NEW.recognized_at)
    EXECUTE FUNCTION finagent_market_changed('pattern');
CREATE TRIGGER episodes_changed AFTER UPDATE ON episodes FOR EACH ROW
    WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.symbol IS DISTINCT FROM NEW.symbol
          OR OLD.features IS DISTINCT FROM NEW.features OR OLD.ended_at IS DISTINCT FROM NEW.ended_at)
    EXECUTE FUNCTION finagent_market_changed('episode');

-- The pattern list reads a user's best-proven first (PatternsAsOf): in the order of their record.
CREATE INDEX ix_pattern_recognition_user_confidence ON pattern_recognition (user_id, confidence DESC, occurrences DESC, id DESC);
