-- Down of V9: transactions one plain table again, with its unique keys.
ALTER TABLE position_lots DROP CONSTRAINT position_lots_buy_transaction_id_fkey;
DROP INDEX ix_transactions_idempotency;
DROP TRIGGER transactions_claims ON transactions;
DROP FUNCTION finagent_claim_transaction_keys();
SELECT finagent_unpartition('transactions');
ALTER TABLE transactions ADD CONSTRAINT uq_transactions_idempotency UNIQUE (user_id, idempotency_key);
CREATE UNIQUE INDEX uq_transactions_portfolio_decision ON transactions (portfolio_id, decision_id) WHERE decision_id IS NOT NULL;
ALTER TABLE position_lots ADD CONSTRAINT position_lots_buy_transaction_id_fkey
    FOREIGN KEY (buy_transaction_id) REFERENCES transactions (id) ON DELETE CASCADE;
ALTER TABLE position_lots DROP COLUMN buy_executed_at;
DROP TABLE transaction_decisions;
DROP TABLE transaction_idempotency_keys;
