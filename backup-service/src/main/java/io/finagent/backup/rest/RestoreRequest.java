package io.finagent.backup.rest;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * Restore to a backup ({@code backupId}), to a point in time ({@code targetTime}), or, with
 * neither, to the latest backup; {@code service} alone, or all. {@code fromArchives}: first enter
 * into the catalogue every backup of the archive directory it lacks, so that after a disaster
 * the directory and the key file alone bring the whole cluster back in this one call.
 */
public record RestoreRequest(@Positive Long backupId, Instant targetTime, @Size(min = 1, max = 64) String service, Boolean fromArchives) {

    public boolean rebuildsCatalogue() {
        return Boolean.TRUE.equals(fromArchives);
    }
}
