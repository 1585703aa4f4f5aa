DROP TABLE storage_samples;
