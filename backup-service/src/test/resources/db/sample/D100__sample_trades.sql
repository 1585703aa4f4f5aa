-- Down of V100: the sample trades of the backup tests.
DROP TABLE sample_trades;
