ALTER TABLE market_data_cache DROP COLUMN data_time;
