package io.finagent.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of every read that takes asOf: asked as of t, it answers exactly what it answered
 * live at t. Random histories ({@link AgentHistory}) record live answers at checkpoints; once each
 * history has gone on, every answer is asked again as of its instant and must be the same, field
 * for field, but for the fields documented as the present. CI plays one history of a fixed seed;
 * {@code bin/bench as-of SEED HISTORIES} plays more.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AsOfEquivalenceTest {

    private static final long SEED = Long.getLong("finagent.history.seed", 20261204L);
    private static final int HISTORIES = Integer.getInteger("finagent.history.count", 1);
    private static final int STEPS = Integer.getInteger("finagent.history.steps", 200);

    @Test
    void everyAnswerAsOfACheckpointIsTheAnswerGivenLiveThen() {
        int checkpoints = 0;
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (int h = 0; h < HISTORIES; h++) {
            AgentHistory history = new AgentHistory(SEED + h, "history-" + (SEED + h) + "-" + UUID.randomUUID());
            history.play(STEPS);
            history.checkpoint(history.market());
            for (AgentHistory.Answer answer : history.answers()) {
                JsonNode again = history.askAgain(answer);
                compared++;
                if (!again.equals(answer.body())) {
                    differences.add("seed " + (SEED + h) + ", " + answer.read() + " as of " + answer.asOf() + ":\n  live:  "
                            + answer.body() + "\n  again: " + again);
                }
            }
            checkpoints += history.answers().size() / AgentHistory.READS.size();
        }
        System.out.printf("as-of equivalence: seed %d, %d histories × %d steps, %d checkpoints, %d answers compared, %d differences%n",
                SEED, HISTORIES, STEPS, checkpoints, compared, differences.size());
        differences.forEach(System.out::println);
        assertTrue(checkpoints >= HISTORIES * 5, "a history this long has checkpoints");
        assertEquals(List.of(), differences);
    }

    /**
     * The planted cases: after t, a pattern is credited, a lesson learned in this very market is
     * written, a decision is recalled 100 times, another decided here and an outcome measured.
     * Live answers change (the history moved on); the answers as of t do not.
     */
    @Test
    void whatHappensAfterTChangesTheLiveAnswersButNoneAsOfT() {
        AgentHistory history = new AgentHistory(SEED, "planted-" + UUID.randomUUID());
        history.play(60);
        Map<String, Double> market = Map.of("rsi_14", 95.0, "ret_5d", 0.2, "volatility_20d", 0.9); // like no regime of the history
        long pattern = history.recognisePattern(market);
        long decided = history.decide(market);
        List<AgentHistory.Answer> before = history.checkpoint(market);

        for (int i = 0; i < 5; i++) {
            history.observe(pattern, "0.05");
        }
        long lesson = history.writeLesson(market);
        for (int i = 0; i < 100; i++) {
            history.recall(market, null);
        }
        history.decide(market);
        history.measureOne();

        List<AgentHistory.Answer> after = history.checkpoint(market);
        assertNotEquals(answer(before, "relevantPatterns").path("patterns"), answer(after, "relevantPatterns").path("patterns"),
                "the pattern's record changed live");
        assertTrue(ids(answer(after, "relevantLessons").path("lessons"), "memory").anyMatch(id -> id == lesson),
                "live, the lesson learned in this very market is among the most relevant");
        assertTrue(ids(answer(before, "relevantLessons").path("lessons"), "memory").noneMatch(id -> id == lesson));
        assertTrue(ids(answer(before, "recall").path("decisions"), "decision").anyMatch(id -> id == decided));

        for (AgentHistory.Answer answer : before) {
            assertEquals(answer.body(), history.askAgain(answer), answer.read() + " as of " + answer.asOf());
        }
    }

    private static JsonNode answer(List<AgentHistory.Answer> answers, String read) {
        return answers.stream().filter(a -> a.read().equals(read)).findFirst().orElseThrow().body();
    }

    private static java.util.stream.LongStream ids(JsonNode items, String field) {
        return StreamSupport.stream(items.spliterator(), false).mapToLong(item -> item.path(field).path("id").asLong());
    }
}
