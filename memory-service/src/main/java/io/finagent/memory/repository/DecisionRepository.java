package io.finagent.memory.repository;

import io.finagent.platform.entities.OwnedRows;
import io.finagent.memory.domain.Decision;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Queries of decision_history; every one is scoped to the owning user. */
@ApplicationScoped
public class DecisionRepository implements OwnedRows<Decision> {

    private static final Sort NEWEST_FIRST = Sort.descending("decidedAt", "id");

    /** What recall may look at: decided at or before {@code asOf}, newest first, at most {@code limit}. */
    public Uni<List<Decision>> recallCandidates(String userId, Instant asOf, String symbol, Long strategyId, int limit) {
        Where where = Where.owner(userId).and("decidedAt", "<=", "asOf", asOf).and("symbol", symbol).and("strategyId", strategyId);
        return find(where.clause(), NEWEST_FIRST, where.parameters()).page(0, limit).list();
    }

    public Uni<List<Decision>> pageOwned(DecisionQuery query, int page, int size) {
        Where where = query.where();
        return find(where.clause(), NEWEST_FIRST, where.parameters()).page(page, size).list();
    }

    public Uni<Long> countOwned(DecisionQuery query) {
        Where where = query.where();
        return count(where.clause(), where.parameters());
    }
}
