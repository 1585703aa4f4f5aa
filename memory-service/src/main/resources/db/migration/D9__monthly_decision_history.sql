-- Down of V9: decision_history one plain table again, its Idempotency-Keys unique in it.
DROP INDEX ix_decision_history_idempotency;
SELECT finagent_unpartition('decision_history');
ALTER TABLE decision_history ADD CONSTRAINT uq_decision_history_idempotency UNIQUE (user_id, idempotency_key);
DROP TABLE decision_idempotency_keys;
