-- Backups: every change to these tables is recorded in row_changes (platform db/backup, which
-- quarkus.flyway.locations now includes), so an incremental backup carries the rows changed and
-- the keys deleted since the last one.
CREATE TRIGGER market_data_cache_changes AFTER INSERT OR UPDATE OR DELETE ON market_data_cache
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER cache_entries_changes AFTER INSERT OR UPDATE OR DELETE ON cache_entries
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
CREATE TRIGGER symbols_metadata_changes AFTER INSERT OR UPDATE OR DELETE ON symbols_metadata
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');
