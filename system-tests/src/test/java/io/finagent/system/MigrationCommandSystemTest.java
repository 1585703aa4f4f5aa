package io.finagent.system;

import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/migrate} against the packaged strategy-service: the schema's version, a rollback
 * without data loss, one that would drop data refused until confirmed, and the steps applied
 * again, each visible in the database and in Flyway's history.
 */
class MigrationCommandSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("finagent.repo.root", "..")).toAbsolutePath().normalize();
    private static final String DATABASE = "finagent_strategy_migrate_system";
    private static RunningService strategy;

    private record Run(int exit, String output) {
    }

    @BeforeAll
    static void startService() throws Exception {
        TestInfrastructure.ensureRunning();
        TestInfrastructure.freshDatabase("strategy-service", DATABASE);
        strategy = RunningService.start(ROOT, "strategy-service", RunningService.environment(ROOT, DATABASE, "strategy-migrate-system"));
        strategy.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopService() throws InterruptedException {
        strategy.close();
    }

    @Test
    void theCommandShowsRollsBackAndMigratesTheSchema() throws Exception {
        TestDatabase db = new TestDatabase(DATABASE);
        Run status = migrate("strategy");
        assertEquals(0, status.exit(), status.output());
        assertTrue(status.output().contains("\"current\":\"3\""), status.output());

        Run rollback = migrate("strategy", "rollback", "1");
        assertEquals(0, rollback.exit(), rollback.output());
        assertEquals(0, db.count("SELECT count(*) FROM pg_trigger WHERE tgname = 'strategies_changes'"), "V3's triggers are gone");
        assertEquals(0, db.count("SELECT count(*) FROM flyway_schema_history WHERE version = '3'"));

        db.execute("INSERT INTO strategies (user_id, name, strategy_type, decision_count) VALUES ('ops', 'kept', 'TECHNICAL', 4)");
        Run refused = migrate("strategy", "rollback", "1");
        assertEquals(1, refused.exit(), refused.output());
        assertTrue(refused.output().contains("column strategies.decision_count (1 rows)"), refused.output());
        assertEquals(1, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'strategies' AND column_name = 'decision_count'"));

        Run confirmed = migrate("strategy", "rollback", "1", "--confirm-data-loss");
        assertEquals(0, confirmed.exit(), confirmed.output());
        assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'strategies' AND column_name = 'decision_count'"));

        Run up = migrate("strategy", "to");
        assertEquals(0, up.exit(), up.output());
        assertTrue(up.output().contains("\"current\":\"3\"") && up.output().contains("\"pending\":[]"), up.output());
        assertEquals(1, db.count("SELECT count(*) FROM pg_trigger WHERE tgname = 'strategies_changes'"));
    }

    private static Run migrate(String... args) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder(Stream.concat(Stream.of("bash", ROOT.resolve("bin/migrate").toString()), Stream.of(args)).toList())
                .redirectErrorStream(true);
        command.environment().put("FINAGENT_URL", strategy.url());
        command.environment().put("FINAGENT_TOKEN", Tokens.admin("ops"));
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
