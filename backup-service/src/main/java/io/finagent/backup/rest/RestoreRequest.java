package io.finagent.backup.rest;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Restore to a backup ({@code backupId}) or to a point in time ({@code targetTime}); {@code service} alone, or all. */
public record RestoreRequest(@Positive Long backupId, Instant targetTime, @Size(min = 1, max = 64) String service) {
}
