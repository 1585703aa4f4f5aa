-- Down of V2: a strategy's count of decisions.
ALTER TABLE strategies DROP CONSTRAINT ck_strategies_decision_count, DROP COLUMN decision_count;
