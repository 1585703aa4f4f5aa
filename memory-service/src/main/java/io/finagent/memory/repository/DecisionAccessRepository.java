package io.finagent.memory.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;

/**
 * Adds recall accesses to decision_history: many decisions, each with its count, in one statement.
 * Every replica writes its own recalls' counts, often of the same decisions: each statement locks
 * its rows in id order before it updates them, so two replicas wait for each other instead of
 * deadlocking (as they did when each updated in its own order: found by the two-replica bench).
 * The rows are scattered over the table, a few on each page: every month keeps room on its pages
 * (V10), so that each update stays on its page and adds no index entry.
 */
@ApplicationScoped
public class DecisionAccessRepository {

    static final String ADD_ACCESSES = """
            WITH locked AS (SELECT d.id, c.n FROM decision_history d JOIN unnest($1::bigint[], $2::int[]) AS c(id, n) USING (id)
                            ORDER BY d.id FOR UPDATE OF d)
            UPDATE decision_history d SET access_count = d.access_count + locked.n, last_accessed = $3
            FROM locked WHERE d.id = locked.id""";

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
