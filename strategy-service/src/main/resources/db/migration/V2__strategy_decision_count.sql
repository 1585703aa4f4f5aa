-- strategies.decision_count: how many decisions were accepted under the strategy (decision-made),
-- kept with last_used so that reading a strategy needs no count over observed_decisions.
ALTER TABLE strategies
    ADD COLUMN decision_count BIGINT NOT NULL DEFAULT 0,
    ADD CONSTRAINT ck_strategies_decision_count CHECK (decision_count >= 0);
