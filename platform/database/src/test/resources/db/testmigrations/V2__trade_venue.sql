ALTER TABLE trades ADD COLUMN venue VARCHAR(8) REFERENCES venues (code);
CREATE INDEX ix_trades_venue ON trades (venue);
