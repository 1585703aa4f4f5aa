-- Down of V3: no more change capture of the strategies' tables.
DROP TRIGGER strategy_outcomes_changes ON strategy_outcomes;
DROP TRIGGER observed_decisions_changes ON observed_decisions;
DROP TRIGGER alerts_changes ON alerts;
DROP TRIGGER strategy_performance_changes ON strategy_performance;
DROP TRIGGER strategy_versions_changes ON strategy_versions;
DROP TRIGGER strategies_changes ON strategies;
