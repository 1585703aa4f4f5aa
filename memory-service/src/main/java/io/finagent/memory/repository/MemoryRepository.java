package io.finagent.memory.repository;

import io.finagent.platform.database.OwnedRows;
import io.finagent.memory.domain.Memory;
import io.finagent.memory.domain.MemoryType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/** Queries of ai_memory, scoped to the owning user. */
@ApplicationScoped
public class MemoryRepository implements OwnedRows<Memory> {

    /** Ranked by decayed relevance: score × 0.5^(age since last use / half-life). */
    private static final String RANKED = """
            SELECT * FROM ai_memory
            WHERE user_id = :user AND (CAST(:type AS varchar) IS NULL OR memory_type = CAST(:type AS varchar))
            ORDER BY relevance_score * power(0.5, extract(epoch FROM now() - coalesce(last_accessed, created_at)) / :halfLife) DESC, id DESC
            LIMIT :limit OFFSET :offset""";

    public Uni<List<Memory>> pageRanked(String userId, MemoryType type, Duration halfLife, int page, int size) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RANKED, Memory.class)
                .setParameter("user", userId)
                .setParameter("type", type == null ? null : type.name())
                .setParameter("halfLife", (double) halfLife.toSeconds())
                .setParameter("limit", size)
                .setParameter("offset", page * size)
                .getResultList());
    }

    public Uni<Long> countOwned(String userId, MemoryType type) {
        return type == null ? count("userId", userId) : count("userId = ?1 and memoryType = ?2", userId, type);
    }
}
