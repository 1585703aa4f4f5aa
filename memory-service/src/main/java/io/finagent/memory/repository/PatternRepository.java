package io.finagent.memory.repository;

import io.finagent.platform.database.OwnedRows;
import io.finagent.memory.domain.Pattern;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Queries of pattern_recognition, each scoped to the owning user; ranked by confidence. */
@ApplicationScoped
public class PatternRepository implements OwnedRows<Pattern> {

    private static final Sort RANKED = Sort.descending("confidence", "occurrences", "id");

    public Uni<List<Pattern>> pageRanked(String userId, String patternType, String symbol, int page, int size) {
        Where where = filter(userId, patternType, symbol);
        return find(where.clause(), RANKED, where.parameters()).page(page, size).list();
    }

    public Uni<Long> countOwned(String userId, String patternType, String symbol) {
        Where where = filter(userId, patternType, symbol);
        return count(where.clause(), where.parameters());
    }

    /** The user's patterns for this symbol or for any symbol, best-proven first. */
    public Uni<List<Pattern>> bestFor(String userId, String symbol, int limit) {
        String clause = symbol == null ? "userId = ?1" : "userId = ?1 and (symbol is null or symbol = ?2)";
        Object[] parameters = symbol == null ? new Object[]{userId} : new Object[]{userId, symbol};
        return find(clause, RANKED, parameters).page(0, limit).list();
    }

    private static Where filter(String userId, String patternType, String symbol) {
        return Where.owner(userId).and("patternType", patternType).and("symbol", symbol);
    }
}
