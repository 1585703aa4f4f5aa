package io.finagent.backup.rest;

import java.time.Instant;
import java.util.List;

/** A backup as the catalogue knows it; {@code bytesRead} is the data read so far while it runs; {@code entries} its manifest. */
public record BackupResponse(long id, String type, String status, String trigger, String requestedBy, Long parentId,
                             List<String> services, Instant snapshotAt, Instant startedAt, Instant completedAt,
                             Long bytesRead, Long sizeBytes, Long uncompressedBytes, String checksumSha256, String archive,
                             Object entries, Instant lastVerifiedAt, String lastVerifyStatus, String error) {
}
