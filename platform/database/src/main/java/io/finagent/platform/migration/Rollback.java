package io.finagent.platform.migration;

import java.util.List;

/** The steps a rollback undid (newest first), the data it dropped as confirmed, and the schema after. */
public record Rollback(List<MigrationStep> undone, List<DataLoss> dataDropped, MigrationReport schema) {
}
