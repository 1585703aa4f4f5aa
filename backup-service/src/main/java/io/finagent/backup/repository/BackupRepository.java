package io.finagent.backup.repository;

import io.finagent.backup.domain.Backup;
import io.finagent.backup.domain.BackupStatus;
import io.finagent.backup.domain.BackupType;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class BackupRepository implements PanacheRepository<Backup> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    /** The newest completed backup of one of {@code types}: the parent of the next delta. */
    public Uni<Backup> lastCompleted(List<BackupType> types) {
        return find("status = ?1 and type in ?2", Sort.descending("snapshotAt", "id"), BackupStatus.COMPLETED, types).firstResult();
    }

    /** Every completed backup, for restore chains and retention. */
    public Uni<List<Backup>> completed() {
        return list("status", Sort.ascending("snapshotAt", "id"), BackupStatus.COMPLETED);
    }

    public Uni<List<Backup>> page(BackupType type, int page, int size) {
        return (type == null ? findAll(NEWEST_FIRST) : find("type", NEWEST_FIRST, type)).page(page, size).list();
    }

    public Uni<Long> countOf(BackupType type) {
        return type == null ? count() : count("type", type);
    }
}
