-- settings keyed by name (not an identity): what a CONFIGURATION backup holds
CREATE TABLE sample_settings (
    name   VARCHAR(64) PRIMARY KEY,
    value  TEXT        NOT NULL
);
CREATE TRIGGER sample_settings_changes AFTER INSERT OR UPDATE OR DELETE ON sample_settings
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('name');
