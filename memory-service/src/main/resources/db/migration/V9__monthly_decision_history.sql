-- decision_history in monthly partitions of decided_at (docs/partitions.md), with its rows. A
-- partitioned table's unique keys must hold the partition column: the primary key becomes
-- (id, decided_at) — ids stay unique, from the one identity — and an Idempotency-Key is claimed in
-- decision_idempotency_keys, unique across every month (a key once used stays used, also after
-- its decision is archived).
ALTER TABLE decision_history DROP CONSTRAINT uq_decision_history_idempotency;
CREATE TABLE decision_idempotency_keys (
    user_id         VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
INSERT INTO decision_idempotency_keys SELECT user_id, idempotency_key FROM decision_history WHERE idempotency_key IS NOT NULL;
CREATE TRIGGER decision_idempotency_keys_changes AFTER INSERT OR UPDATE OR DELETE ON decision_idempotency_keys
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('user_id', 'idempotency_key');

SELECT finagent_partition_by_month('decision_history', 'decided_at', 24);
-- a repeated key finds its decision
CREATE INDEX ix_decision_history_idempotency ON decision_history (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
