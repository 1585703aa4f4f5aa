-- Down of V1: the backup catalogue, its schedules, retention rules and archiver runs.
DROP TABLE archive_runs;
DROP TABLE retention_policies;
DROP TABLE backup_schedules;
DROP TABLE backups;
