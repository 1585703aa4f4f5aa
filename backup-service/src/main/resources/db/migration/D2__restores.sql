-- Down of V2: the record of restores.
DROP TABLE restores;
