package io.finagent.memory.repository;

import io.finagent.memory.domain.Features;
import io.finagent.memory.domain.Memory;
import io.finagent.memory.domain.MemoryType;
import io.finagent.memory.domain.Wilson;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.finagent.memory.repository.SqlInstants.instant;
import static io.finagent.memory.repository.SqlInstants.utc;

/**
 * A user's memories as they stood at an instant: those learned by then, each with the outcomes
 * credited to it up to then. As for {@link PatternsAsOf}: the counters when nothing of the user
 * was credited or learned after the instant, else the credits summed; one statement, detached copies.
 */
@ApplicationScoped
public class MemoriesAsOf {

    private static final String COLUMNS = "m.id, m.user_id, m.memory_type, m.content, m.summary, m.relevance_score, m.access_count,"
            + " m.last_accessed, m.decision_id, m.features, m.symbol, m.strategy_id, m.learned_at, m.created_at, m.updated_at,"
            + " m.idempotency_key";
    /** $3 memory types or null; $4 symbol, $5 strategy: null, or a memory of that one or of none. */
    private static final String FILTER = " AND ($3::text[] IS NULL OR m.memory_type = ANY($3))"
            + " AND ($4::text IS NULL OR m.symbol IS NULL OR m.symbol = $4)"
            + " AND ($5::bigint IS NULL OR m.strategy_id IS NULL OR m.strategy_id = $5)";
    /** Then: a condition on the credits summed (or none). */
    private static final String AS_OF_WITH = Later.than("ai_memory", "learned_at") + """
            SELECT * FROM (
                SELECT %1$s, m.success_count, m.failure_count, m.outcome_count
                FROM ai_memory m
                WHERE NOT (SELECT changed FROM later) AND m.user_id = $1 %2$s
                UNION ALL
                SELECT %1$s, coalesce(c.w, 0), coalesce(c.l, 0), coalesce(c.n, 0)
                FROM ai_memory m
                LEFT JOIN (SELECT memory_id, sum(occurrences)::bigint AS n, sum(wins)::bigint AS w, sum(losses)::bigint AS l
                           FROM outcome_credits WHERE user_id = $1 AND memory_id IS NOT NULL AND credited_at <= $2 %%1$s
                           GROUP BY memory_id) c ON c.memory_id = m.id
                WHERE (SELECT changed FROM later) AND m.user_id = $1 AND m.learned_at <= $2 %2$s
            ) m
            """.formatted(COLUMNS, FILTER);
    private static final String AS_OF = AS_OF_WITH.formatted("");
    /** Relevance decayed to $2 with half-life $8 seconds, highest first. */
    private static final String BY_RELEVANCE = AS_OF + """
            ORDER BY m.relevance_score * power(0.5, extract(epoch FROM $2 - m.learned_at) / $8) DESC, m.id DESC
            LIMIT $6 OFFSET $7""";
    /** $6: the ids wanted (the shortlist of a call for lessons). */
    private static final String BY_IDS = AS_OF_WITH.formatted("AND memory_id = ANY($6)") + "WHERE m.id = ANY($6) ORDER BY m.id";
    /**
     * What a call for lessons as of an earlier instant needs: the memories credited after $2, each with
     * its outcomes up to $2 (a memory's counters are the sums of its credits); the others stood then as now.
     */
    private static final String RECORDS = """
            SELECT memory_id, coalesce(sum(wins) FILTER (WHERE credited_at <= $2), 0)::bigint,
                   coalesce(sum(occurrences) FILTER (WHERE credited_at <= $2), 0)::bigint
            FROM outcome_credits
            WHERE user_id = $1 AND memory_id IN (
                SELECT memory_id FROM outcome_credits WHERE user_id = $1 AND memory_id IS NOT NULL AND credited_at > $2)
            GROUP BY memory_id""";
    private static final String COUNT = "SELECT count(*) FROM ai_memory m WHERE m.user_id = $1 AND m.learned_at <= $2" + FILTER;

    private final Pool pool;

    public MemoriesAsOf(Pool pool) {
        this.pool = pool;
    }

    /** A page of the user's memories of one type (or all), most relevant at {@code asOf} first. */
    public Uni<List<Memory>> byRelevance(String userId, Instant asOf, MemoryType type, Duration halfLife, int limit, int offset) {
        Tuple parameters = Tuple.tuple(Arrays.asList(userId, utc(asOf), types(type == null ? null : List.of(type)), null, null, limit, offset))
                .addDouble((double) halfLife.toSeconds());
        return read(BY_RELEVANCE, parameters);
    }

    /** These memories of the user, as they stood at {@code asOf} (those learned by then). */
    public Uni<List<Memory>> byIds(String userId, Instant asOf, List<Long> ids) {
        return read(BY_IDS, Tuple.tuple(Arrays.asList(userId, utc(asOf), null, null, null, ids.toArray(Long[]::new))));
    }

    /** The user's memories whose outcomes changed after {@code asOf}, with their evidence then: only the numbers a ranking needs. */
    public Uni<MarketRows.Records> records(String userId, Instant asOf) {
        return pool.preparedQuery(RECORDS).execute(Tuple.of(userId, utc(asOf))).map(rows -> {
            Map<Long, MarketRows.Record> records = new HashMap<>(rows.size() * 2);
            rows.forEach(row -> records.put(row.getLong(0), new MarketRows.Record(0, 0, Wilson.evidence(row.getLong(1), row.getLong(2)))));
            return new MarketRows.Records(records, false);
        });
    }

    public Uni<Long> count(String userId, Instant asOf, MemoryType type) {
        return pool.preparedQuery(COUNT).execute(Tuple.of(userId, utc(asOf), types(type == null ? null : List.of(type)), null, null))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private Uni<List<Memory>> read(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            List<Memory> found = new ArrayList<>(rows.size());
            rows.forEach(row -> found.add(memory(row)));
            return found;
        });
    }

    private static String[] types(List<MemoryType> types) {
        return types == null ? null : types.stream().map(Enum::name).toArray(String[]::new);
    }

    private static Memory memory(Row row) {
        Memory m = new Memory();
        m.id = row.getLong("id");
        m.userId = row.getString("user_id");
        m.memoryType = MemoryType.valueOf(row.getString("memory_type"));
        JsonObject content = row.getJsonObject("content");
        m.content = content == null ? null : content.getMap();
        m.summary = row.getString("summary");
        m.relevanceScore = row.getBigDecimal("relevance_score");
        m.accessCount = row.getLong("access_count");
        m.lastAccessed = instant(row.getOffsetDateTime("last_accessed"));
        m.decisionId = row.getLong("decision_id");
        m.successCount = row.getLong("success_count");
        m.failureCount = row.getLong("failure_count");
        m.outcomeCount = row.getLong("outcome_count");
        m.features = Features.of(row.getJsonObject("features").getMap());
        m.symbol = row.getString("symbol");
        m.strategyId = row.getLong("strategy_id");
        m.learnedAt = instant(row.getOffsetDateTime("learned_at"));
        m.createdAt = instant(row.getOffsetDateTime("created_at"));
        m.updatedAt = instant(row.getOffsetDateTime("updated_at"));
        m.idempotencyKey = row.getString("idempotency_key");
        return m;
    }
}
