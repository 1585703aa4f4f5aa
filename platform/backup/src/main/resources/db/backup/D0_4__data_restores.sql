-- Down of V0_4: the record of restores.
DROP TABLE data_restores;
