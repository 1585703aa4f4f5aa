package io.finagent.memory.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Which of the ids a request names are not rows of its user (another user's, or none at all). */
@ApplicationScoped
public class OwnedIds {

    /** The tables a request may name rows of. */
    public enum Table {
        DECISION("decision_history"), MEMORY("ai_memory"), PATTERN("pattern_recognition");

        private final String sql;

        Table(String name) {
            this.sql = "SELECT coalesce(array_agg(i ORDER BY i), '{}') FROM unnest($2::bigint[]) AS i"
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + name + " t WHERE t.user_id = $1 AND t.id = i)";
        }
    }

    private final Pool pool;

    public OwnedIds(Pool pool) {
        this.pool = pool;
    }

    /** The ids, of these, that are not the user's rows of this table; empty when all are. */
    public Uni<List<Long>> notOwned(Table table, String userId, Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(table.sql).execute(Tuple.of(userId, ids.toArray(Long[]::new)))
                .map(rows -> Arrays.asList(rows.iterator().next().getArrayOfLongs(0)));
    }
}
