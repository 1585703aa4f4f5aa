-- Down of V3: the strategies' default horizons and what a measurement keeps of its checks and paper trade.
DROP INDEX ix_pending_outcome_measurements_next_check;
CREATE INDEX ix_pending_outcome_measurements_due
    ON pending_outcome_measurements (due_at) WHERE status = 'PENDING';
ALTER TABLE pending_outcome_measurements
    DROP CONSTRAINT ck_pending_outcome_measurements_horizon_source,
    DROP COLUMN paper_note,
    DROP COLUMN paper_transaction_id,
    DROP COLUMN paper_portfolio_id,
    DROP COLUMN next_check_at,
    DROP COLUMN confidence,
    DROP COLUMN horizon_source;
DROP TABLE strategy_defaults;
