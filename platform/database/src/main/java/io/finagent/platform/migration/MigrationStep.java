package io.finagent.platform.migration;

import java.time.Instant;

/** One migration step as Flyway knows it, and whether a down script can undo it. */
public record MigrationStep(String version, String description, String script, String state, Instant installedOn, boolean undoable) {
}
