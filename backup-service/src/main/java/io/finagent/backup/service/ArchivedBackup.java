package io.finagent.backup.service;

import io.finagent.backup.archive.ArchiveWriter;

import java.time.Instant;
import java.util.Map;

/** A backup's archive as written, with each service's snapshot and when it was taken. */
public record ArchivedBackup(ArchiveWriter.Written archive, Map<String, Map<String, String>> watermarks, Instant snapshotAt) {
}
