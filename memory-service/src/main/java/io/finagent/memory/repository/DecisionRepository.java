package io.finagent.memory.repository;

import io.finagent.memory.domain.Decision;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Queries of decision_history; every one is scoped to the owning user. */
@ApplicationScoped
public class DecisionRepository implements PanacheRepository<Decision> {

    public Uni<Decision> findOwned(String userId, long id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<Decision> findByIdempotencyKey(String userId, String key) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, key).firstResult();
    }

    public Uni<List<Decision>> pageOwned(DecisionQuery query, int page, int size) {
        return find(query.where(), Sort.descending("decidedAt", "id"), query.parameters()).page(page, size).list();
    }

    public Uni<Long> countOwned(DecisionQuery query) {
        return count(query.where(), query.parameters());
    }
}
