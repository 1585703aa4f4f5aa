package io.finagent.platform.migration;

import java.util.List;

/** The schema's current version, the steps applied (in the order they ran) and those pending. */
public record MigrationReport(String current, List<MigrationStep> applied, List<MigrationStep> pending) {
}
