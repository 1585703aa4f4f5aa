package io.finagent.backup.service;

import io.finagent.backup.domain.Restore;
import io.finagent.backup.repository.RestoreRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** The restores table: each restore as it starts and as it ends. */
@ApplicationScoped
public class RestoreRecords {

    private final RestoreRepository repository;

    public RestoreRecords(RestoreRepository repository) {
        this.repository = repository;
    }

    @WithTransaction
    public Uni<Restore> begin(RestorePlan plan, Instant target, String requestedBy) {
        Restore restore = new Restore();
        restore.backupId = plan.chain().get(plan.chain().size() - 1).id;
        restore.chain = plan.backupIds();
        restore.targetTime = target;
        restore.services = plan.services();
        restore.requestedBy = requestedBy;
        restore.startedAt = Instant.now();
        return repository.persist(restore);
    }

    @WithTransaction
    public Uni<Restore> end(long id, String status, String error) {
        return repository.findById(id).invoke(restore -> {
            restore.status = status;
            restore.completedAt = Instant.now();
            restore.errorMessage = error;
        });
    }
}
