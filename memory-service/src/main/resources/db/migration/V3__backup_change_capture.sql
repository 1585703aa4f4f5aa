-- Backups: every change to these tables is recorded in row_changes (platform db/backup), so an
-- incremental backup carries the rows changed and the keys deleted since the last one.
CREATE TRIGGER decision_history_changes AFTER INSERT OR UPDATE OR DELETE ON decision_history
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER ai_memory_changes AFTER INSERT OR UPDATE OR DELETE ON ai_memory
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER pattern_recognition_changes AFTER INSERT OR UPDATE OR DELETE ON pattern_recognition
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER episodes_changes AFTER INSERT OR UPDATE OR DELETE ON episodes
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
