package io.finagent.memory.repository;

import io.finagent.memory.domain.Decision;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Queries of decision_history; every one is scoped to the owning user. */
@ApplicationScoped
public class DecisionRepository implements PanacheRepository<Decision> {

    public Uni<Decision> findOwned(String userId, long id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    /** What recall may look at: decided at or before {@code asOf}, newest first, at most {@code limit}. */
    public Uni<List<Decision>> recallCandidates(String userId, Instant asOf, String symbol, Long strategyId, int limit) {
        String where = "userId = :userId and decidedAt <= :asOf" + (symbol != null ? " and symbol = :symbol" : "")
                + (strategyId != null ? " and strategyId = :strategyId" : "");
        Parameters p = Parameters.with("userId", userId).and("asOf", asOf);
        if (symbol != null) {
            p.and("symbol", symbol);
        }
        if (strategyId != null) {
            p.and("strategyId", strategyId);
        }
        return find(where, Sort.descending("decidedAt", "id"), p).page(0, limit).list();
    }

    public Uni<Integer> markRecalled(List<Long> ids, Instant at) {
        return update("accessCount = accessCount + 1, lastAccessed = ?1 where id in ?2", at, ids);
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
