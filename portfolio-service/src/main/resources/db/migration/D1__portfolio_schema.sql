-- Down of V1: the portfolios' tables, with every row in them.
DROP TABLE pending_outcome_measurements;
DROP TABLE observed_decisions;
DROP TABLE position_lots;
DROP TABLE transactions;
DROP TABLE positions;
DROP TABLE portfolios;
DROP TABLE user_settings;
DROP TABLE users;
