-- Replicas hold each lesson's outcomes beside its market (its evidence, memory-service README,
-- "Lessons"), as they hold each pattern's record: a credit changes them, so the lesson takes a new
-- generation and is read again (an ordinary trigger: a restore writes the generation it restores).
CREATE TRIGGER ai_memory_credited BEFORE UPDATE ON ai_memory FOR EACH ROW
    WHEN (OLD.success_count IS DISTINCT FROM NEW.success_count OR OLD.outcome_count IS DISTINCT FROM NEW.outcome_count)
    EXECUTE FUNCTION finagent_next_market_generation('lesson');
