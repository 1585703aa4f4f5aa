-- Backups: every change to these tables is recorded in row_changes (platform db/backup), so an
-- incremental backup carries the rows changed and the keys deleted since the last one.
-- series_backlog is left out on purpose: it is the time-series store's outbox (points in
-- transit, deleted as soon as QuestDB takes them), not data of its own.
CREATE TRIGGER users_changes AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER user_settings_changes AFTER INSERT OR UPDATE OR DELETE ON user_settings
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER portfolios_changes AFTER INSERT OR UPDATE OR DELETE ON portfolios
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER positions_changes AFTER INSERT OR UPDATE OR DELETE ON positions
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER transactions_changes AFTER INSERT OR UPDATE OR DELETE ON transactions
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER position_lots_changes AFTER INSERT OR UPDATE OR DELETE ON position_lots
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER observed_decisions_changes AFTER INSERT OR UPDATE OR DELETE ON observed_decisions
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('decision_id');
CREATE TRIGGER pending_outcome_measurements_changes AFTER INSERT OR UPDATE OR DELETE ON pending_outcome_measurements
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER strategy_defaults_changes AFTER INSERT OR UPDATE OR DELETE ON strategy_defaults
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('strategy_id');
