package io.finagent.memory.repository;

import io.finagent.platform.database.OwnedRows;
import io.finagent.memory.domain.Episode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class EpisodeRepository implements OwnedRows<Episode> {

    /** These episodes of the user (another user's ids find nothing). */
    public Uni<List<Episode>> findOwned(String userId, List<Long> ids) {
        return list("userId = ?1 and id in ?2", userId, ids);
    }
}
