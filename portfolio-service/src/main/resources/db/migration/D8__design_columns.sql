-- Down of V8: the transactions' strategy and notes, the positions' opening, the indexes by symbol and by time.
ALTER TABLE positions DROP COLUMN opened_at;
DROP INDEX ix_transactions_executed;
DROP INDEX ix_transactions_symbol;
ALTER TABLE transactions DROP CONSTRAINT ck_transactions_notes, DROP COLUMN notes, DROP COLUMN strategy_id;
