-- transactions in monthly partitions of executed_at (docs/partitions.md), with their rows. A
-- partitioned table's unique keys must hold the partition column: the primary key becomes
-- (id, executed_at) — ids stay unique, from the one identity —, a lot names its opening
-- transaction by both (buy_executed_at, new here), and what must be unique
-- across months is claimed, by a trigger in the insert's transaction, in tables of its own: an
-- Idempotency-Key per user, a decision per portfolio. Both go with their portfolio.
ALTER TABLE position_lots DROP CONSTRAINT position_lots_buy_transaction_id_fkey;
ALTER TABLE position_lots ADD COLUMN buy_executed_at TIMESTAMPTZ;
UPDATE position_lots l SET buy_executed_at = t.executed_at FROM transactions t WHERE t.id = l.buy_transaction_id;
ALTER TABLE transactions DROP CONSTRAINT uq_transactions_idempotency;
DROP INDEX uq_transactions_portfolio_decision;

CREATE TABLE transaction_idempotency_keys (
    user_id         VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    portfolio_id    BIGINT       NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX ix_transaction_idempotency_keys_portfolio ON transaction_idempotency_keys (portfolio_id);
CREATE TABLE transaction_decisions (
    portfolio_id BIGINT NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
    decision_id  BIGINT NOT NULL,
    PRIMARY KEY (portfolio_id, decision_id)
);
INSERT INTO transaction_idempotency_keys SELECT user_id, idempotency_key, portfolio_id FROM transactions WHERE idempotency_key IS NOT NULL;
INSERT INTO transaction_decisions SELECT portfolio_id, decision_id FROM transactions WHERE decision_id IS NOT NULL;
CREATE TRIGGER transaction_idempotency_keys_changes AFTER INSERT OR UPDATE OR DELETE ON transaction_idempotency_keys
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('user_id', 'idempotency_key');
CREATE TRIGGER transaction_decisions_changes AFTER INSERT OR UPDATE OR DELETE ON transaction_decisions
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('portfolio_id', 'decision_id');

-- a second use of either is a unique violation (23505), as the unique keys of the table were
CREATE FUNCTION finagent_claim_transaction_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.idempotency_key IS NOT NULL THEN
        INSERT INTO transaction_idempotency_keys (user_id, idempotency_key, portfolio_id)
        VALUES (NEW.user_id, NEW.idempotency_key, NEW.portfolio_id);
    END IF;
    IF NEW.decision_id IS NOT NULL THEN
        INSERT INTO transaction_decisions (portfolio_id, decision_id) VALUES (NEW.portfolio_id, NEW.decision_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER transactions_claims AFTER INSERT ON transactions FOR EACH ROW EXECUTE FUNCTION finagent_claim_transaction_keys();

SELECT finagent_partition_by_month('transactions', 'executed_at', 24);
CREATE INDEX ix_transactions_idempotency ON transactions (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
ALTER TABLE position_lots ADD CONSTRAINT position_lots_buy_transaction_id_fkey
    FOREIGN KEY (buy_transaction_id, buy_executed_at) REFERENCES transactions (id, executed_at) ON DELETE CASCADE;
