-- Each table's size once per day (the last sample of the day kept), so that the performance report
-- can say how fast it grows. Written by every replica alike (the same figures); not backed up.
CREATE TABLE storage_samples (
    table_name TEXT   NOT NULL,
    sampled_on DATE   NOT NULL,
    bytes      BIGINT NOT NULL,
    live_rows  BIGINT NOT NULL,
    PRIMARY KEY (table_name, sampled_on)
);
