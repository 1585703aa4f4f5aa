-- Down of V4: no more change capture of the portfolios' tables.
DROP TRIGGER strategy_defaults_changes ON strategy_defaults;
DROP TRIGGER pending_outcome_measurements_changes ON pending_outcome_measurements;
DROP TRIGGER observed_decisions_changes ON observed_decisions;
DROP TRIGGER position_lots_changes ON position_lots;
DROP TRIGGER transactions_changes ON transactions;
DROP TRIGGER positions_changes ON positions;
DROP TRIGGER portfolios_changes ON portfolios;
DROP TRIGGER user_settings_changes ON user_settings;
DROP TRIGGER users_changes ON users;
