-- The design's columns and indexes (docs/schema.md, "Following the design"): a transaction names
-- the strategy it traded for and may carry the client's notes; a position keeps the instant it
-- was opened; transactions are found by symbol and by time across portfolios.
ALTER TABLE transactions
    ADD COLUMN strategy_id BIGINT,
    ADD COLUMN notes       TEXT,
    ADD CONSTRAINT ck_transactions_notes CHECK (length(notes) <= 2000);
UPDATE transactions t SET strategy_id = p.strategy_id FROM portfolios p WHERE p.id = t.portfolio_id AND p.strategy_id IS NOT NULL;
CREATE INDEX ix_transactions_symbol ON transactions (symbol);
CREATE INDEX ix_transactions_executed ON transactions (executed_at);

-- an open position's opening: its first trade since it was last flat (the earliest of its
-- transactions for a position opened before this step; its creation when it has none)
ALTER TABLE positions ADD COLUMN opened_at TIMESTAMPTZ;
UPDATE positions p SET opened_at = coalesce(
        (SELECT min(t.executed_at) FROM transactions t WHERE t.portfolio_id = p.portfolio_id AND t.symbol = p.symbol
             AND t.transaction_type IN ('BUY', 'SELL')), p.created_at)
    WHERE p.quantity <> 0;
