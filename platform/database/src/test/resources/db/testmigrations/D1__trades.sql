DROP TABLE trades;
DROP TABLE venues;
