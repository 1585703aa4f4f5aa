package io.finagent.backup.service;

import io.finagent.backup.archive.ArchiveWriter;
import io.finagent.backup.config.BackupConfig;
import io.finagent.backup.domain.ArchiveRun;
import io.finagent.backup.repository.ArchiveRunRepository;
import io.finagent.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The archive_runs table: each table's part of an archiver run, as it starts and ends. */
@ApplicationScoped
public class ArchiveRecords {

    private final ArchiveRunRepository repository;

    public ArchiveRecords(ArchiveRunRepository repository) {
        this.repository = repository;
    }

    @WithTransaction
    public Uni<ArchiveRun> begin(UUID runId, BackupConfig.ArchiveRule rule, Instant cutoff, String requestedBy) {
        ArchiveRun run = new ArchiveRun();
        run.runId = runId;
        run.service = rule.service();
        run.table = rule.table();
        run.cutoff = cutoff;
        run.requestedBy = requestedBy;
        run.startedAt = Instant.now();
        run.createdAt = run.startedAt;
        return repository.persist(run);
    }

    /** The archive holding the run's rows, recorded before any row leaves its table. */
    @WithTransaction
    public Uni<ArchiveRun> sealed(long id, ArchiveWriter.Written archive) {
        return repository.findById(id).invoke(run -> {
            run.archivePath = archive.file().toString();
            run.sizeBytes = archive.sizeBytes();
            run.checksum = archive.sha256();
        });
    }

    @WithTransaction
    public Uni<ArchiveRun> complete(long id, long rows) {
        return repository.findById(id).invoke(run -> {
            run.status = "COMPLETED";
            run.completedAt = Instant.now();
            run.rowsArchived = rows;
            run.newestRowAt = run.cutoff;
        });
    }

    @WithTransaction
    public Uni<ArchiveRun> fail(long id, String message) {
        return repository.findById(id).invoke(run -> {
            run.status = "FAILED";
            run.completedAt = Instant.now();
            run.errorMessage = message;
        });
    }

    @WithSession
    public Uni<List<ArchiveRun>> page(String table, int page, int size) {
        return repository.page(table, page, size);
    }

    @WithSession
    public Uni<ArchiveRun> get(long id) {
        return repository.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("archive run", id));
    }
}
