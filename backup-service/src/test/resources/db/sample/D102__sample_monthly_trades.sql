-- Down of V102: the sample monthly trades, with their partitions.
DROP TABLE sample_monthly_trades;
