-- Backups: every change to these tables is recorded in row_changes (platform db/backup), so an
-- incremental backup carries the rows changed and the keys deleted since the last one.
CREATE TRIGGER strategies_changes AFTER INSERT OR UPDATE OR DELETE ON strategies
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER strategy_versions_changes AFTER INSERT OR UPDATE OR DELETE ON strategy_versions
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER strategy_performance_changes AFTER INSERT OR UPDATE OR DELETE ON strategy_performance
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER alerts_changes AFTER INSERT OR UPDATE OR DELETE ON alerts
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER observed_decisions_changes AFTER INSERT OR UPDATE OR DELETE ON observed_decisions
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('decision_id');
CREATE TRIGGER strategy_outcomes_changes AFTER INSERT OR UPDATE OR DELETE ON strategy_outcomes
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
