package io.finagent.memory.repository;

import io.finagent.memory.domain.Episode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.finagent.memory.repository.SqlInstants.instant;

/**
 * The rows of the episodes a market matched on the shelf, read with the plain SQL client: one
 * statement, no session, as {@link RecalledDecisions} (this read is on the path of every
 * GET /context). The episodes are read-only copies.
 */
@ApplicationScoped
public class MatchedEpisodes {

    private static final String BY_IDS = """
            SELECT id, user_id, symbol, strategy_id, started_at, ended_at, entry, steps::text AS steps, exit, result, features,
                   created_at, idempotency_key
            FROM episodes WHERE user_id = $1 AND id = ANY($2)""";

    private final Pool pool;

    public MatchedEpisodes(Pool pool) {
        this.pool = pool;
    }

    /** These episodes of the user (another user's ids find nothing). */
    public Uni<List<Episode>> findOwned(String userId, List<Long> ids) {
        return pool.preparedQuery(BY_IDS).execute(Tuple.of(userId, ids.toArray(Long[]::new))).map(rows -> {
            List<Episode> found = new ArrayList<>(rows.size());
            rows.forEach(row -> found.add(episode(row)));
            return found;
        });
    }

    private static Episode episode(Row row) {
        Episode e = new Episode();
        e.id = row.getLong("id");
        e.userId = row.getString("user_id");
        e.symbol = row.getString("symbol");
        e.strategyId = row.getLong("strategy_id");
        e.startedAt = instant(row.getOffsetDateTime("started_at"));
        e.endedAt = instant(row.getOffsetDateTime("ended_at"));
        e.entry = map(row.getJsonObject("entry"));
        e.steps = row.getString("steps");
        e.exit = map(row.getJsonObject("exit"));
        e.result = row.getBigDecimal("result");
        e.features = map(row.getJsonObject("features"));
        e.createdAt = instant(row.getOffsetDateTime("created_at"));
        e.idempotencyKey = row.getString("idempotency_key");
        return e;
    }

    private static Map<String, Object> map(JsonObject json) {
        return json == null ? null : json.getMap();
    }
}
