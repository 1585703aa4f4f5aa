package io.finagent.memory.repository;

import io.finagent.memory.domain.Pattern;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Queries of pattern_recognition, each scoped to the owning user; ranked by confidence. */
@ApplicationScoped
public class PatternRepository implements PanacheRepository<Pattern> {

    private static final Sort RANKED = Sort.descending("confidence", "occurrences", "id");

    public Uni<Pattern> findOwned(String userId, long id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<Pattern> findByIdempotencyKey(String userId, String key) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, key).firstResult();
    }

    public Uni<List<Pattern>> pageRanked(String userId, String patternType, String symbol, int page, int size) {
        return find(where(patternType, symbol), RANKED, parameters(userId, patternType, symbol)).page(page, size).list();
    }

    public Uni<Long> countOwned(String userId, String patternType, String symbol) {
        return count(where(patternType, symbol), parameters(userId, patternType, symbol));
    }

    private static String where(String patternType, String symbol) {
        return "userId = :userId" + (patternType != null ? " and patternType = :patternType" : "")
                + (symbol != null ? " and symbol = :symbol" : "");
    }

    private static Parameters parameters(String userId, String patternType, String symbol) {
        Parameters p = Parameters.with("userId", userId);
        if (patternType != null) {
            p.and("patternType", patternType);
        }
        if (symbol != null) {
            p.and("symbol", symbol);
        }
        return p;
    }
}
