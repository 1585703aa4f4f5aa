package io.finagent.backup.domain;

/** A backup's life in the catalogue: requested, running, then completed or failed; deleted once retention removed its archive. */
public enum BackupStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    DELETED
}
