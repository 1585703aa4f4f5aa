-- Down of V101: the sample settings of the backup tests.
DROP TABLE sample_settings;
