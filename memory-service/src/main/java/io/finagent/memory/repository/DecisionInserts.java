package io.finagent.memory.repository;

import io.finagent.memory.domain.Decision;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.finagent.memory.repository.SqlInstants.utc;

/**
 * Inserts many decisions in one round trip (a pipelined batch of one prepared statement). A
 * decision whose Idempotency-Key its user already used is not inserted: its id comes back null.
 */
@ApplicationScoped
public class DecisionInserts {

    // the key is claimed first, in decision_idempotency_keys (unique across the months of decision_history)
    private static final String INSERT = """
            WITH claimed AS (
                INSERT INTO decision_idempotency_keys (user_id, idempotency_key) SELECT $1::text, $13::text WHERE $13::text IS NOT NULL
                ON CONFLICT DO NOTHING RETURNING 1)
            INSERT INTO decision_history (user_id, strategy_id, symbol, decision_type, confidence, reasoning, market_context,
                                          cited_memory_ids, cited_pattern_ids, horizon_minutes, decided_at, created_at, idempotency_key,
                                          context_id, context_digest)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15
            WHERE $13::text IS NULL OR EXISTS (SELECT FROM claimed)
            RETURNING id""";

    public Uni<List<Long>> insert(SqlConnection connection, List<Decision> decisions) {
        List<Tuple> rows = decisions.stream().map(d -> Tuple.tuple(Arrays.asList(d.userId, d.strategyId, d.symbol,
                d.decisionType.name(), d.confidence, d.reasoning, new JsonObject(d.marketContext), d.citedMemoryIds,
                d.citedPatternIds, d.horizonMinutes, utc(d.decidedAt), utc(d.createdAt), d.idempotencyKey, d.contextId, d.contextDigest)))
                .toList();
        return connection.preparedQuery(INSERT).executeBatch(rows).map(DecisionInserts::ids);
    }

    /** executeBatch answers one row set per tuple, chained: the id, or no row after a conflict. */
    private static List<Long> ids(RowSet<Row> first) {
        List<Long> ids = new ArrayList<>();
        for (RowSet<Row> set = first; set != null; set = set.next()) {
            var rows = set.iterator();
            ids.add(rows.hasNext() ? rows.next().getLong("id") : null);
        }
        return ids;
    }
}
