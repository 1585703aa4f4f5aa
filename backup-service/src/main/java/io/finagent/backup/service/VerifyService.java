package io.finagent.backup.service;

import io.finagent.backup.archive.ArchiveException;
import io.finagent.backup.archive.ArchiveReader;
import io.finagent.backup.domain.Backup;
import io.finagent.backup.domain.BackupStatus;
import io.finagent.backup.repository.BackupRepository;
import io.finagent.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads an archive back end to end: every segment's GCM tag, every entry's SHA-256 against the
 * manifest, and the file's SHA-256 against the catalogue. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class VerifyService {

    private static final Logger LOG = Logger.getLogger(VerifyService.class);

    private final BackupRepository repository;
    private final BackupKeys keys;

    public VerifyService(BackupRepository repository, BackupKeys keys) {
        this.repository = repository;
        this.keys = keys;
    }

    /** Verifies a completed backup and records the outcome in the catalogue. */
    public ArchiveCheck verify(long id) {
        Backup backup = OnVertxContext.await(() -> find(id));
        if (backup.status != BackupStatus.COMPLETED) {
            throw ProblemException.conflict("backup " + id + " is " + backup.status + ": only a COMPLETED backup has an archive to verify");
        }
        ArchiveCheck check = check(backup);
        OnVertxContext.await(() -> record(check));
        LOG.infof("backup %d verified: %s %s", id, check.status(), check.detail());
        return check;
    }

    ArchiveCheck check(Backup backup) {
        Path file = Path.of(backup.archivePath);
        if (!Files.exists(file)) {
            return new ArchiveCheck(backup.id, false, "MISSING", "the archive " + file + " is gone");
        }
        try {
            return of(backup, ArchiveReader.verify(file, keys.keyring()));
        } catch (ArchiveException e) {
            return failed(backup, e);
        } catch (IOException e) {
            return new ArchiveCheck(backup.id, false, ArchiveException.Reason.CORRUPT.name(), e.getMessage());
        }
    }

    /** What a read of the backup's archive to its end found: passed if the file is the one the catalogue knows. */
    ArchiveCheck of(Backup backup, ArchiveReader.Read read) {
        if (!read.sha256().equals(backup.checksum)) {
            return new ArchiveCheck(backup.id, false, ArchiveException.Reason.CORRUPT.name(),
                    "the archive's SHA-256 is " + read.sha256() + ", the catalogue's " + backup.checksum);
        }
        return new ArchiveCheck(backup.id, true, null, read.manifest().entries().size() + " entries, " + read.manifest().bytes() + " bytes");
    }

    ArchiveCheck failed(Backup backup, ArchiveException e) {
        return new ArchiveCheck(backup.id, false, e.reason().name(), e.getMessage());
    }

    @WithTransaction
    Uni<Backup> find(long id) {
        return repository.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("backup", id));
    }

    @WithTransaction
    Uni<Backup> record(ArchiveCheck check) {
        return repository.findById(check.backupId()).invoke(backup -> {
            backup.lastVerifiedAt = Instant.now();
            backup.lastVerifyStatus = check.status();
            backup.updatedAt = backup.lastVerifiedAt;
        });
    }
}
