package io.finagent.memory.repository;

import io.finagent.platform.partitions.Partitions;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The access counts of recall, updated in place. Two replicas write them at once, often of the
 * same decisions and each in its own order. Neither may fail: a deadlock did, in the two-replica
 * bench at a million decisions, where the planner updates the rows in the order the statement
 * lists them (a nested loop of index look-ups). The test's table is small enough for a hash join,
 * which visits the rows in the table's order and hides the deadlock, so the writes here run with
 * that plan forced.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DecisionAccessRepositoryTest {

    private static final int DECISIONS = 2_000;
    private static final int ROUNDS = 10;
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "acc-" + UUID.randomUUID();

    @Inject
    Pool pool;

    @Test
    void twoWritersOfTheSameDecisionsInOppositeOrdersBothCountEveryAccess() {
        db.execute("""
                INSERT INTO decision_history (user_id, strategy_id, symbol, decision_type, confidence, market_context)
                SELECT '%s', 1, 'SPY', 'HOLD', 0.5, '{"features": {"rsi_14": 50}}' FROM generate_series(1, %d)""".formatted(user, DECISIONS));
        List<Long> ids = db.strings("SELECT id FROM decision_history WHERE user_id = ? ORDER BY id", user).stream().map(Long::valueOf).toList();
        Map<Long, Integer> upwards = new LinkedHashMap<>();
        Map<Long, Integer> downwards = new LinkedHashMap<>();
        ids.forEach(id -> upwards.put(id, 1));
        List<Long> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        reversed.forEach(id -> downwards.put(id, 1));

        for (int round = 0; round < ROUNDS; round++) {
            List<Uni<Integer>> both = new ArrayList<>(List.of(asOnAMillionDecisions(upwards), asOnAMillionDecisions(downwards)));
            List<Integer> updated = Uni.join().all(both).andFailFast().await().atMost(Duration.ofSeconds(60));
            assertEquals(List.of(DECISIONS, DECISIONS), updated, "round " + round);
        }
        assertEquals(List.of(String.valueOf(2 * ROUNDS)),
                db.strings("SELECT DISTINCT access_count::text FROM decision_history WHERE user_id = ?", user));
    }

    /**
     * A recall's accesses, a few rows on each page, are updated in place (HOT: no index entry, one
     * page of WAL), also in a month created after the migration. On a table of this one's shape at
     * 1M rows, 2,000 such updates after a checkpoint wrote 58 MB of WAL on full pages, 14 MB in place.
     */
    @Test
    void accessesAreUpdatedInPlaceAlsoInAMonthCreatedLater() {
        // a month no other test writes in or archives, created as MonthlyPartitions creates one
        YearMonth month = YearMonth.of(1930, 1).plusMonths(ThreadLocalRandom.current().nextInt(120));
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        db.as("finagent_memory").execute("SELECT finagent_create_month_partitions('decision_history', '" + start + "', '" + start + "')");
        db.execute("""
                INSERT INTO decision_history (user_id, strategy_id, symbol, decision_type, confidence, market_context, decided_at)
                SELECT '%s', 1, 'SPY', 'HOLD', 0.5, '{"features": {"rsi_14": 50}}', '%s'::timestamptz + g * interval '1 minute'
                FROM generate_series(1, %d) AS g""".formatted(user, start, DECISIONS));
        List<Long> ids = db.strings("SELECT id FROM decision_history WHERE user_id = ? ORDER BY id", user).stream().map(Long::valueOf).toList();
        Map<Long, Integer> everyTwentieth = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i += 20) {
            everyTwentieth.put(ids.get(i), 1);
        }
        String partition = Partitions.name("decision_history", month);

        List<Long> updatedAndInPlace = pool.withTransaction(connection -> connection.preparedQuery(DecisionAccessRepository.ADD_ACCESSES)
                        .execute(Tuple.of(everyTwentieth.keySet().toArray(Long[]::new), everyTwentieth.values().toArray(Integer[]::new),
                                OffsetDateTime.now(ZoneOffset.UTC)))
                        .chain(() -> connection.preparedQuery("SELECT pg_stat_get_xact_tuples_updated($1::regclass),"
                                + " pg_stat_get_xact_tuples_hot_updated($1::regclass)").execute(Tuple.of(partition)))
                        .map(rows -> {
                            Row counts = rows.iterator().next();
                            return List.of(counts.getLong(0), counts.getLong(1));
                        }))
                .await().atMost(Duration.ofSeconds(60));
        assertEquals(List.of((long) everyTwentieth.size(), (long) everyTwentieth.size()), updatedAndInPlace,
                "rows updated in " + partition + ", and of them in place");
    }

    /** The repository's statement, with the plan a table of a million decisions gets. */
    private Uni<Integer> asOnAMillionDecisions(Map<Long, Integer> counts) {
        Long[] ids = counts.keySet().toArray(Long[]::new);
        Integer[] n = counts.values().toArray(Integer[]::new);
        return pool.withTransaction(connection -> connection.query("SET LOCAL enable_hashjoin = off").execute()
                .chain(() -> connection.query("SET LOCAL enable_mergejoin = off").execute())
                .chain(() -> connection.query("SET LOCAL enable_seqscan = off").execute())
                .chain(() -> connection.preparedQuery(DecisionAccessRepository.ADD_ACCESSES)
                        .execute(Tuple.of(ids, n, OffsetDateTime.now(ZoneOffset.UTC))))
                .map(rows -> rows.rowCount()));
    }
}
