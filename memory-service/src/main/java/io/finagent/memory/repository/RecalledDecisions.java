package io.finagent.memory.repository;

import io.finagent.memory.domain.Decision;
import io.finagent.memory.domain.DecisionType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

import static io.finagent.memory.repository.SqlInstants.instant;

/**
 * The rows of the decisions recall found, read with the plain SQL client: one statement, no
 * session or persistence context, because this read is on the path of every recall (measured:
 * it was the largest share of recall latency through Hibernate). The decisions are read-only copies.
 */
@ApplicationScoped
public class RecalledDecisions {

    private static final String BY_IDS = """
            SELECT id, user_id, strategy_id, symbol, decision_type, confidence, reasoning, market_context,
                   cited_memory_ids, cited_pattern_ids, horizon_minutes, outcome, outcome_measured_at, decided_at,
                   created_at, access_count, last_accessed, idempotency_key, context_id
            FROM decision_history WHERE user_id = $1 AND id = ANY($2)""";

    private final Pool pool;

    public RecalledDecisions(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Decision>> findOwned(String userId, List<Long> ids) {
        return pool.preparedQuery(BY_IDS).execute(Tuple.of(userId, ids.toArray(Long[]::new))).map(rows -> {
            List<Decision> found = new ArrayList<>(rows.size());
            rows.forEach(row -> found.add(decision(row)));
            return found;
        });
    }

    private static Decision decision(Row row) {
        Decision d = new Decision();
        d.id = row.getLong("id");
        d.userId = row.getString("user_id");
        d.strategyId = row.getLong("strategy_id");
        d.symbol = row.getString("symbol");
        d.decisionType = DecisionType.valueOf(row.getString("decision_type"));
        d.confidence = row.getBigDecimal("confidence");
        d.reasoning = row.getString("reasoning");
        JsonObject context = row.getJsonObject("market_context");
        d.marketContext = context == null ? null : context.getMap();
        d.citedMemoryIds = row.getArrayOfLongs("cited_memory_ids");
        d.citedPatternIds = row.getArrayOfLongs("cited_pattern_ids");
        d.horizonMinutes = row.getInteger("horizon_minutes");
        d.outcome = row.getBigDecimal("outcome");
        d.outcomeMeasuredAt = instant(row.getOffsetDateTime("outcome_measured_at"));
        d.decidedAt = instant(row.getOffsetDateTime("decided_at"));
        d.createdAt = instant(row.getOffsetDateTime("created_at"));
        d.accessCount = row.getLong("access_count");
        d.lastAccessed = instant(row.getOffsetDateTime("last_accessed"));
        d.idempotencyKey = row.getString("idempotency_key");
        d.contextId = row.getUUID("context_id");
        return d;
    }
}
