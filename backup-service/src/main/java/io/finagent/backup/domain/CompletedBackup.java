package io.finagent.backup.domain;

import java.time.Instant;

/** A completed backup as retention and restores see it: what it is a delta of, and the instant its data represents. */
public record CompletedBackup(long id, BackupType type, Long parentId, Instant snapshotAt) {

    public CompletedBackup {
        if (type.isDelta() != (parentId != null)) {
            throw new IllegalArgumentException("backup " + id + ": a delta has a parent, and only a delta");
        }
    }
}
