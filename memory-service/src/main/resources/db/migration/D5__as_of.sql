-- Down of V5: the record of credits and the instants lessons and patterns were learned. The
-- counters of ai_memory and pattern_recognition stay as they are (their sums, kept all along).
DROP INDEX ix_ai_memory_user_learned;
ALTER TABLE ai_memory
    DROP CONSTRAINT ck_ai_memory_symbol,
    DROP CONSTRAINT ck_ai_memory_features,
    DROP COLUMN learned_at,
    DROP COLUMN strategy_id,
    DROP COLUMN symbol,
    DROP COLUMN features;
DROP INDEX ix_pattern_recognition_user_recognized;
ALTER TABLE pattern_recognition DROP COLUMN recognized_at;
ALTER TABLE ai_memory DROP CONSTRAINT ck_ai_memory_outcome_count, DROP COLUMN outcome_count;
DROP TABLE outcome_credits;
