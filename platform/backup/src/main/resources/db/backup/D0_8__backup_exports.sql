DROP TABLE backup_exports;
