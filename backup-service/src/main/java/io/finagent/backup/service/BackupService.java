package io.finagent.backup.service;

import io.finagent.backup.config.BackupConfig;
import io.finagent.backup.domain.Backup;
import io.finagent.backup.domain.BackupStatus;
import io.finagent.backup.domain.BackupType;
import io.finagent.backup.repository.BackupRepository;
import io.finagent.backup.repository.RestoreRepository;
import io.finagent.platform.paging.Page;
import io.finagent.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue's side of a backup: requested (PENDING), RUNNING with its parent chosen, then COMPLETED or FAILED. */
@ApplicationScoped
public class BackupService {

    /** What a delta of each type may start from. */
    private static final Map<BackupType, List<BackupType>> PARENTS = Map.of(
            BackupType.INCREMENTAL, List.of(BackupType.FULL, BackupType.INCREMENTAL, BackupType.DIFFERENTIAL),
            BackupType.DIFFERENTIAL, List.of(BackupType.FULL));

    private final BackupRepository repository;
    private final RestoreRepository restores;
    private final BackupConfig config;

    public BackupService(BackupRepository repository, RestoreRepository restores, BackupConfig config) {
        this.repository = repository;
        this.restores = restores;
        this.config = config;
    }

    /**
     * A new PENDING backup of every configured service. A delta needs a backup to be a delta of
     * that no restore has overtaken (else 409: take a FULL).
     */
    @WithTransaction
    public Uni<Backup> request(BackupType type, String requestedBy, String trigger) {
        Uni<Backup> parent = type.isDelta() ? parentOf(type) : Uni.createFrom().nullItem();
        return parent.flatMap(found -> {
            if (type == BackupType.AI_MEMORY && !config.backedUp().contains(config.aiMemoryService())) {
                throw ProblemException.conflict("an AI_MEMORY backup holds " + config.aiMemoryService() + ", which is not a backed-up service here");
            }
            Backup backup = new Backup();
            backup.type = type;
            backup.triggerSource = trigger;
            backup.requestedBy = requestedBy;
            backup.services = type == BackupType.AI_MEMORY ? List.of(config.aiMemoryService())
                    : config.backedUp();
            backup.createdAt = Instant.now();
            backup.updatedAt = backup.createdAt;
            return repository.persist(backup);
        });
    }

    /** Starts a requested backup: its parent is the newest one it may be a delta of now, not when it was requested. */
    @WithTransaction
    public Uni<BackupJob> begin(long id) {
        return repository.findById(id).flatMap(backup -> {
            Uni<Backup> parent = backup.type.isDelta() ? parentOf(backup.type) : Uni.createFrom().nullItem();
            return parent.map(found -> {
                Map<String, String> since = new LinkedHashMap<>();
                if (backup.type.isDelta()) {
                    backup.parentId = found.id;
                    for (String service : backup.services) {
                        String mark = found.watermark(service);
                        if (mark == null) {
                            throw new IllegalStateException("backup " + found.id + " does not cover " + service + ": take a FULL backup first");
                        }
                        since.put(service, mark);
                    }
                }
                backup.status = BackupStatus.RUNNING;
                backup.startedAt = Instant.now();
                backup.updatedAt = backup.startedAt;
                return new BackupJob(backup.id, backup.type, backup.parentId, backup.services, since);
            });
        });
    }

    /** The backup a delta of {@code type} starts from now; a conflict if there is none, or a restore ran after it. */
    private Uni<Backup> parentOf(BackupType type) {
        return repository.lastCompleted(PARENTS.get(type)).flatMap(found -> {
            if (found == null) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "a " + type + " backup is a delta of a completed FULL backup, and there is none yet"));
            }
            return restores.restoredSince(found.snapshotAt).map(restored -> {
                if (restored) {
                    throw ProblemException.conflict("a restore ran after backup " + found.id + ", and a restore is invisible to"
                            + " change capture: the next backup must be a FULL");
                }
                return found;
            });
        });
    }

    /** A running backup's progress in the catalogue: the data read so far (its final size once completed). */
    @WithTransaction
    public Uni<Integer> progress(long id, long bytesRead) {
        return repository.update("uncompressedBytes = ?1, updatedAt = ?2 where id = ?3", bytesRead, Instant.now(), id);
    }

    @WithTransaction
    public Uni<Backup> complete(long id, ArchivedBackup archived) {
        return repository.findById(id).invoke(backup -> {
            backup.status = BackupStatus.COMPLETED;
            backup.completedAt = Instant.now();
            backup.updatedAt = backup.completedAt;
            backup.snapshotAt = archived.snapshotAt();
            backup.watermarks = archived.watermarks();
            backup.archivePath = archived.archive().file().toString();
            backup.sizeBytes = archived.archive().sizeBytes();
            backup.uncompressedBytes = archived.archive().manifest().bytes();
            backup.checksum = archived.archive().sha256();
            backup.manifest = Map.of("entries", archived.archive().manifest().entries());
        });
    }

    @WithTransaction
    public Uni<Backup> fail(long id, String message) {
        return repository.findById(id).invoke(backup -> {
            backup.status = BackupStatus.FAILED;
            backup.errorMessage = message;
            backup.updatedAt = Instant.now();
        });
    }

    /** At start: what was PENDING or RUNNING when the service stopped will never finish. */
    @WithTransaction
    public Uni<Integer> failInterrupted() {
        return repository.update("status = ?1, errorMessage = ?2, updatedAt = ?3 where status in ?4", BackupStatus.FAILED,
                "interrupted: backup-service stopped while it was queued or running", Instant.now(),
                List.of(BackupStatus.PENDING, BackupStatus.RUNNING));
    }

    @WithSession
    public Uni<Backup> get(long id) {
        return repository.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("backup", id));
    }

    @WithSession
    public Uni<Page<Backup>> list(BackupType type, int page, int size) {
        return repository.page(type, page, size).flatMap(items -> repository.countOf(type).map(total -> new Page<>(items, page, size, total)));
    }

    @WithSession
    public Uni<List<Backup>> completed() {
        return repository.completed();
    }
}
