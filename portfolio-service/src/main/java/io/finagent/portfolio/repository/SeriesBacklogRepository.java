package io.finagent.portfolio.repository;

import io.finagent.portfolio.domain.SeriesPoint;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class SeriesBacklogRepository implements PanacheRepository<SeriesPoint> {

    public Uni<List<SeriesPoint>> oldest(int limit) {
        return findAll(Sort.ascending("id")).page(0, limit).list();
    }

    /** The symbols whose prices the store does not have yet. */
    public Uni<List<String>> symbolsWaiting() {
        return getSession().chain(session -> session.createSelectionQuery(
                "select distinct symbol from SeriesPoint where symbol is not null", String.class).getResultList());
    }

    public Uni<Long> deleteSent(List<Long> ids) {
        return delete("id in ?1", ids);
    }
}
