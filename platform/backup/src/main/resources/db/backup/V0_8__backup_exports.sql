-- Every complete export for backup-service, so that the performance report can say the age of the
-- newest one. Written after the export's last byte; not backed up itself.
CREATE TABLE backup_exports (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incremental BOOLEAN     NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_backup_exports_finished ON backup_exports (finished_at);
