package io.finagent.backup.domain;

/** The seed's backup types; a delta names the backup it is a delta of. */
public enum BackupType {
    FULL,
    /** Changes since the last backup of any type. */
    INCREMENTAL,
    /** Changes since the last full. */
    DIFFERENTIAL,
    /** Strategies' configurations and versions, user settings, the services' effective configuration. */
    CONFIGURATION,
    /** memory-service only. */
    AI_MEMORY;

    public boolean isDelta() {
        return this == INCREMENTAL || this == DIFFERENTIAL;
    }
}
