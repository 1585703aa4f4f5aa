package io.finagent.memory.repository;

import io.finagent.memory.domain.Pattern;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.finagent.memory.repository.CitationRepository.successRate;
import static io.finagent.memory.repository.CitationRepository.wilsonLowerBound;
import static io.finagent.memory.repository.SqlInstants.instant;
import static io.finagent.memory.repository.SqlInstants.utc;

/**
 * A user's patterns as they stood at an instant: those recognised by then, each with its counts,
 * success rate, confidence and last_seen as they were, ranked by that confidence. When nothing of
 * the user was credited or recognised after the instant (every live call), the counters are read;
 * else the credits up to it are summed. One statement, so one snapshot, decides and reads; both
 * ways compute with the same expressions and column types, so they give the same decimals.
 * Read with the plain SQL client into detached copies: nothing is written back.
 */
@ApplicationScoped
public class PatternsAsOf {

    private static final String COLUMNS = "p.id, p.user_id, p.pattern_type, p.pattern_name, p.pattern_data, p.symbol,"
            + " p.recognized_at, p.created_at, p.updated_at, p.idempotency_key";
    /** $3 pattern type or null, $4 symbol or null, $5 true: a pattern of no symbol counts for every symbol. */
    private static final String FILTER = " AND ($3::text IS NULL OR p.pattern_type = $3)"
            + " AND ($4::text IS NULL OR p.symbol = $4 OR ($5 AND p.symbol IS NULL))";
    /**
     * The user's patterns as they stood at $2, best first ({@link Later}); the present ones in the
     * order of an index. Then: what is selected, a condition on the pattern's id and one on the
     * credits' (or none).
     */
    private static final String AS_OF = Later.than("pattern_recognition", "recognized_at") + """
            SELECT %%1$s FROM (
                (SELECT %1$s, p.occurrences, p.successes, p.failures, p.total_outcome, p.success_rate, p.confidence, p.last_seen
                 FROM pattern_recognition p
                 WHERE NOT (SELECT changed FROM later) AND p.user_id = $1 %2$s %%2$s
                 ORDER BY p.confidence DESC, p.occurrences DESC, p.id DESC
                 LIMIT $6::int + $7::int)
                UNION ALL
                SELECT %1$s, coalesce(c.n, 0), coalesce(c.w, 0), coalesce(c.l, 0), coalesce(c.o, 0)::numeric(30,10),
                       (%3$s)::numeric(10,8), (%4$s)::numeric(10,8), c.newest
                FROM pattern_recognition p
                LEFT JOIN (SELECT pattern_id, sum(occurrences)::bigint AS n, sum(wins)::bigint AS w, sum(losses)::bigint AS l,
                                  sum(outcome) AS o, max(credited_at) AS newest
                           FROM outcome_credits WHERE user_id = $1 AND pattern_id IS NOT NULL AND credited_at <= $2 %%3$s
                           GROUP BY pattern_id) c ON c.pattern_id = p.id
                WHERE (SELECT changed FROM later) AND p.user_id = $1 AND p.recognized_at <= $2 %2$s %%2$s
            ) ranked
            ORDER BY confidence DESC, occurrences DESC, id DESC
            LIMIT $6 OFFSET $7""".formatted(COLUMNS, FILTER,
            successRate("coalesce(c.w, 0)", "coalesce(c.n, 0)"), wilsonLowerBound("coalesce(c.w, 0)", "coalesce(c.n, 0)"));
    private static final String RANKED = AS_OF.formatted("*", "", "");
    /** $8: these patterns only. */
    private static final String BY_IDS = AS_OF.formatted("*", "AND p.id = ANY($8)", "AND pattern_id = ANY($8)");
    /** What a call for relevant patterns as of an earlier instant compares: narrow rows, whole patterns for the few it keeps. */
    private static final String RECORDS = AS_OF.formatted("id, confidence, occurrences", "", "");
    private static final String COUNT = "SELECT count(*) FROM pattern_recognition p WHERE p.user_id = $1 AND p.recognized_at <= $2" + FILTER;

    private final Pool pool;

    public PatternsAsOf(Pool pool) {
        this.pool = pool;
    }

    /** Best first; {@code anySymbol}: with a symbol, the patterns of no symbol are kept too. */
    public Uni<List<Pattern>> ranked(String userId, Instant asOf, String patternType, String symbol, boolean anySymbol,
                                     int limit, int offset) {
        return read(RANKED, Tuple.tuple(Arrays.asList(userId, utc(asOf), patternType, symbol, anySymbol, limit, offset)));
    }

    /** These patterns of the user as they stood at {@code asOf}, best first (those recognised by then). */
    public Uni<List<Pattern>> byIds(String userId, Instant asOf, List<Long> ids) {
        return read(BY_IDS, Tuple.tuple(Arrays.asList(userId, utc(asOf), null, null, false, ids.size(), 0, ids.toArray(Long[]::new))));
    }

    /** Every pattern of the user known at {@code asOf}, with its record then: only the numbers a ranking needs. */
    public Uni<MarketRows.Records> records(String userId, Instant asOf) {
        return pool.preparedQuery(RECORDS).execute(Tuple.tuple(Arrays.asList(userId, utc(asOf), null, null, true, Integer.MAX_VALUE, 0)))
                .map(rows -> {
                    Map<Long, MarketRows.Record> records = new HashMap<>(rows.size() * 2);
                    rows.forEach(row -> records.put(row.getLong(0), new MarketRows.Record(row.getBigDecimal(1).doubleValue(), row.getLong(2), 1)));
                    return new MarketRows.Records(records, true);
                });
    }

    private Uni<List<Pattern>> read(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            List<Pattern> found = new ArrayList<>(rows.size());
            rows.forEach(row -> found.add(pattern(row)));
            return found;
        });
    }

    public Uni<Long> count(String userId, Instant asOf, String patternType, String symbol) {
        return pool.preparedQuery(COUNT).execute(Tuple.of(userId, utc(asOf), patternType, symbol, false))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Pattern pattern(Row row) {
        Pattern p = new Pattern();
        p.id = row.getLong("id");
        p.userId = row.getString("user_id");
        p.patternType = row.getString("pattern_type");
        p.patternName = row.getString("pattern_name");
        JsonObject data = row.getJsonObject("pattern_data");
        p.patternData = data == null ? null : data.getMap();
        p.symbol = row.getString("symbol");
        p.occurrences = row.getLong("occurrences");
        p.successes = row.getLong("successes");
        p.failures = row.getLong("failures");
        p.totalOutcome = row.getBigDecimal("total_outcome");
        p.successRate = row.getBigDecimal("success_rate");
        p.confidence = row.getBigDecimal("confidence");
        p.lastSeen = instant(row.getOffsetDateTime("last_seen"));
        p.recognizedAt = instant(row.getOffsetDateTime("recognized_at"));
        p.createdAt = instant(row.getOffsetDateTime("created_at"));
        p.updatedAt = instant(row.getOffsetDateTime("updated_at"));
        p.idempotencyKey = row.getString("idempotency_key");
        return p;
    }
}
