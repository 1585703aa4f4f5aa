package io.finagent.memory.repository;

import io.finagent.platform.database.OwnedRows;
import io.finagent.memory.domain.Episode;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class EpisodeRepository implements OwnedRows<Episode> {

    /** Episodes finished by {@code asOf}: only then is their result known. */
    public Uni<List<Episode>> endedBy(String userId, Instant asOf, String symbol, int limit) {
        Where where = Where.owner(userId).and("endedAt is not null").and("endedAt", "<=", "asOf", asOf).and("symbol", symbol);
        return find(where.clause(), Sort.descending("endedAt", "id"), where.parameters()).page(0, limit).list();
    }
}
