package io.finagent.backup.repository;

import io.finagent.backup.domain.ArchiveRun;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ArchiveRunRepository implements PanacheRepository<ArchiveRun> {

    /** Newest first; {@code table} null for every table. */
    public Uni<List<ArchiveRun>> page(String table, int page, int size) {
        Sort newestFirst = Sort.descending("startedAt", "id");
        return (table == null ? findAll(newestFirst) : find("table", newestFirst, table)).page(page, size).list();
    }
}
