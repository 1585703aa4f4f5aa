package io.finagent.memory.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;

/** Adds recall accesses to decision_history: many decisions, each with its count, in one statement. */
@ApplicationScoped
public class DecisionAccessRepository {

    private static final String ADD_ACCESSES = """
            UPDATE decision_history d SET access_count = d.access_count + c.n, last_accessed = $3
            FROM unnest($1::bigint[], $2::int[]) AS c(id, n) WHERE d.id = c.id""";

    private final Pool pool;

    public DecisionAccessRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Integer> addAccesses(Map<Long, Integer> counts, Instant at) {
        Long[] ids = counts.keySet().toArray(Long[]::new);
        Integer[] n = counts.values().toArray(Integer[]::new);
        return pool.preparedQuery(ADD_ACCESSES).execute(Tuple.of(ids, n, SqlInstants.utc(at)))
                .map(rows -> rows.rowCount());
    }
}
