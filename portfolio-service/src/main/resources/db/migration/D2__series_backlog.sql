-- Down of V2: the points waiting for the time-series store.
DROP TABLE series_backlog;
