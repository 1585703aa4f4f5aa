package io.finagent.memory.repository;

import io.finagent.memory.domain.Episode;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class EpisodeRepository implements PanacheRepository<Episode> {

    public Uni<Episode> findOwned(String userId, long id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<Episode> findByIdempotencyKey(String userId, String key) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, key).firstResult();
    }

    /** Episodes finished by {@code asOf}: only then is their result known. */
    public Uni<List<Episode>> endedBy(String userId, Instant asOf, String symbol, int limit) {
        String where = "userId = :userId and endedAt is not null and endedAt <= :asOf" + (symbol != null ? " and symbol = :symbol" : "");
        Parameters p = Parameters.with("userId", userId).and("asOf", asOf);
        if (symbol != null) {
            p.and("symbol", symbol);
        }
        return find(where, Sort.descending("endedAt", "id"), p).page(0, limit).list();
    }
}
