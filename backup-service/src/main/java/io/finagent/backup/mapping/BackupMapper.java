package io.finagent.backup.mapping;

import io.finagent.backup.domain.Backup;
import io.finagent.backup.domain.BackupStatus;
import io.finagent.backup.rest.BackupResponse;
import io.finagent.backup.service.BackupProgress;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.List;

@ApplicationScoped
public class BackupMapper {

    private final BackupProgress progress;

    public BackupMapper(BackupProgress progress) {
        this.progress = progress;
    }

    public BackupResponse toResponse(Backup b) {
        // while it runs, the count in memory is ahead of the catalogue's, which is written after each entry
        Long bytesRead = b.status == BackupStatus.RUNNING ? Long.valueOf(Math.max(progress.bytes(b.id),
                b.uncompressedBytes == null ? 0 : b.uncompressedBytes)) : b.uncompressedBytes;
        return new BackupResponse(b.id, b.type.name(), b.status.name(), b.triggerSource, b.requestedBy, b.parentId, b.services,
                b.snapshotAt, b.startedAt, b.completedAt, bytesRead, b.sizeBytes, b.uncompressedBytes, b.checksum,
                b.archivePath == null ? null : Path.of(b.archivePath).getFileName().toString(), b.manifest.getOrDefault("entries", List.of()), b.lastVerifiedAt, b.lastVerifyStatus,
                b.errorMessage);
    }
}
