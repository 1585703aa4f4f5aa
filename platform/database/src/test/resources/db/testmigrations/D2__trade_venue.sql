DROP INDEX ix_trades_venue;
ALTER TABLE trades DROP COLUMN venue;
