package io.finagent.backup.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code {"type": "FULL"}}: which kind of backup to take. */
public record BackupRequest(
        @NotNull(message = "is required") @Pattern(regexp = BackupRequest.TYPES, message = "must be one of " + BackupRequest.TYPES) String type) {

    static final String TYPES = "FULL|INCREMENTAL|DIFFERENTIAL|CONFIGURATION|AI_MEMORY";
}
