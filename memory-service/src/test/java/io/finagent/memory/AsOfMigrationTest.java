package io.finagent.memory;

import io.finagent.platform.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The migration to records of credits (V5) keeps every count: a database at V4 with a pattern and
 * a memory credited before credits were kept, migrated to the latest version, has their counters as
 * the sums of its credits, each outcome of a citing decision as its own credit at its measuredAt,
 * and the rest as one opening credit at the row's last use.
 */
class AsOfMigrationTest {

    private static final String DATABASE = "finagent_memory_migration_test";
    private static final TestDatabase DB = new TestDatabase(DATABASE);

    @BeforeAll
    static void aDatabaseAtV4WithCountersAndNoCredits() {
        TestDatabase.drop(DATABASE);
        new TestDatabase("postgres").execute("CREATE DATABASE " + DATABASE);
        flyway("4").migrate();
        DB.execute("""
                INSERT INTO pattern_recognition (id, user_id, pattern_type, pattern_name, occurrences, successes, failures, total_outcome,
                                                 success_rate, confidence, last_seen, created_at, updated_at)
                VALUES (101, 'mig', 'REGIME', 'calm', 3, 2, 1, 0.03, 0.66666667, 0.2, '2026-11-20T00:00:00Z', '2026-11-01T00:00:00Z',
                        '2026-11-20T00:00:00Z')""");
        DB.execute("""
                INSERT INTO ai_memory (id, user_id, memory_type, success_count, failure_count, created_at, updated_at)
                VALUES (201, 'mig', 'FEEDBACK', 2, 0, '2026-11-02T00:00:00Z', '2026-11-21T00:00:00Z')""");
        DB.execute("""
                INSERT INTO decision_history (id, user_id, strategy_id, symbol, decision_type, confidence, cited_pattern_ids,
                                              cited_memory_ids, outcome, outcome_measured_at, decided_at)
                VALUES (301, 'mig', 1, 'AAPL', 'BUY', 0.5, '{101}', '{201}', 0.02, '2026-11-10T00:00:00Z', '2026-11-09T00:00:00Z')""");
        flyway(null).migrate();
    }

    @AfterAll
    static void dropIt() {
        TestDatabase.drop(DATABASE);
    }

    @Test
    void aPatternsCountersAreTheSumsOfItsCreditsTheDecisionsOutcomeAtItsMeasuredAt() {
        assertEquals(List.of("301|1|1|0|0.0200000000|2026-11-10 00:00:00+00", "null|2|1|1|0.0100000000|2026-11-20 00:00:00+00"),
                DB.strings("SELECT coalesce(decision_id::text, 'null') || '|' || occurrences || '|' || wins || '|' || losses || '|'"
                        + " || outcome || '|' || (credited_at AT TIME ZONE 'UTC') || '+00' FROM outcome_credits WHERE pattern_id = 101"
                        + " ORDER BY credited_at"));
        assertEquals(List.of("3|2|1|0.0300000000"), DB.strings("SELECT sum(occurrences) || '|' || sum(wins) || '|' || sum(losses) || '|'"
                + " || sum(outcome) FROM outcome_credits WHERE pattern_id = 101"));
        assertEquals(1, DB.count("SELECT sum(occurrences) FROM outcome_credits WHERE pattern_id = 101"
                + " AND credited_at <= '2026-11-15T00:00:00Z'"), "as of the 15th, only the decision's outcome was credited");
        assertEquals(List.of("2026-11-01 00:00:00+00"),
                DB.strings("SELECT (recognized_at AT TIME ZONE 'UTC') || '+00' FROM pattern_recognition WHERE id = 101"));
    }

    @Test
    void aMemoryKeepsItsCountsItsOutcomeCountAndLearnedAt() {
        assertEquals(2, DB.count("SELECT outcome_count FROM ai_memory WHERE id = 201"));
        assertEquals(List.of("301|1", "null|1"), DB.strings("SELECT coalesce(decision_id::text, 'null') || '|' || wins FROM outcome_credits"
                + " WHERE memory_id = 201 ORDER BY credited_at"));
        assertEquals(List.of("2026-11-02 00:00:00+00"),
                DB.strings("SELECT (learned_at AT TIME ZONE 'UTC') || '+00' FROM ai_memory WHERE id = 201"));
    }

    private static Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(new TestDatabase(DATABASE).dataSource())
                .locations("classpath:db/migration", "classpath:db/messaging", "classpath:db/backup", "classpath:db/operations")
                .outOfOrder(true);
        return (target == null ? configuration : configuration.target(target)).load();
    }
}
