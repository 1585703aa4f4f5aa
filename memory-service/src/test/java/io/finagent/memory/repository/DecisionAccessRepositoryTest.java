package io.finagent.memory.repository;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas write the access counts of what they recalled at once, often of the same decisions
 * and each in its own order. Neither may fail: a deadlock did, in the two-replica bench at a
 * million decisions, where the planner updates the rows in the order the statement lists them (a
 * nested loop of index look-ups). The test's table is small enough for a hash join, which visits
 * the rows in the table's order and hides the deadlock, so the writes here run with that plan forced.
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
