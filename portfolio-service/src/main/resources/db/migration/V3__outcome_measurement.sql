-- =============================================================================
-- portfolio-service V3: what measuring a decision's outcome needs beyond V1.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- strategy_defaults: what this service knows of each strategy, from strategy-changed
-- events (strategy-service owns strategies). Only the latest change is kept
-- (changed_at); default_horizon_minutes NULL = the strategy has none.
-- -----------------------------------------------------------------------------
CREATE TABLE strategy_defaults (
    strategy_id             BIGINT       PRIMARY KEY,
    user_id                 VARCHAR(64)  NOT NULL,
    status                  VARCHAR(16)  NOT NULL,
    default_horizon_minutes INTEGER,
    version                 INTEGER      NOT NULL,
    changed_at              TIMESTAMPTZ  NOT NULL,
    CONSTRAINT ck_strategy_defaults_status CHECK (status IN ('ACTIVE', 'INACTIVE', 'ARCHIVED')),
    CONSTRAINT ck_strategy_defaults_horizon
        CHECK (default_horizon_minutes IS NULL OR default_horizon_minutes > 0)
);

-- -----------------------------------------------------------------------------
-- pending_outcome_measurements, added:
--   * horizon_source: where horizon_minutes came from (DECISION, STRATEGY, CONFIGURATION).
--   * confidence: the decision's, for the paper order's size.
--   * next_check_at: when the store is next asked for the prices this row waits for; a miss
--     backs off (attempts counts the misses), a new price for the symbol resets both.
--   * paper_portfolio_id / paper_transaction_id: the paper trade that executed the
--     decision; paper_note says why there was none (no linked portfolio, HOLD, no cash...).
-- -----------------------------------------------------------------------------
ALTER TABLE pending_outcome_measurements
    ADD COLUMN horizon_source       VARCHAR(16)  NOT NULL DEFAULT 'CONFIGURATION',
    ADD COLUMN confidence           NUMERIC(5,4),
    ADD COLUMN next_check_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ADD COLUMN paper_portfolio_id   BIGINT,
    ADD COLUMN paper_transaction_id BIGINT,
    ADD COLUMN paper_note           TEXT,
    ADD CONSTRAINT ck_pending_outcome_measurements_horizon_source
        CHECK (horizon_source IN ('DECISION', 'STRATEGY', 'CONFIGURATION'));

-- the scheduler's work list replaces the due-only index: rows still pending, by next check
DROP INDEX ix_pending_outcome_measurements_due;
CREATE INDEX ix_pending_outcome_measurements_next_check
    ON pending_outcome_measurements (next_check_at) WHERE status = 'PENDING';
