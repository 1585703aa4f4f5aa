-- Down of V0_2: the change capture (refused while a service's trigger still uses it).
DROP FUNCTION finagent_record_change();
DROP FUNCTION finagent_row_key(JSONB, TEXT[]);
DROP TABLE row_changes;
