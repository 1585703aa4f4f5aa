-- Down of V1: the strategies' tables, with every row in them.
DROP TABLE strategy_outcomes;
DROP TABLE observed_decisions;
DROP TABLE alerts;
DROP TABLE strategy_performance;
DROP TABLE strategy_versions;
DROP FUNCTION strategy_versions_immutable();
DROP TABLE strategies;
