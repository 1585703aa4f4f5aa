package io.finagent.system;

import io.finagent.platform.contracts.TestEvents;
import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service stopped (SIGTERM, as Kubernetes stops a pod) while it works through a backlog of events:
 * its consumers stop taking events and finish the ones begun before the pools close, so the stop
 * logs no warning or error and sends nothing to the dead-letter topic; started again, the
 * service applies every event once. Before the platform paused its consumers at shutdown, the
 * pools closed first and the stop logged "Failed to commit transaction" or "Failed to rollback transaction".
 */
class ConsumerStopSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("finagent.repo.root", "..")).toAbsolutePath().normalize();
    private static final String DATABASE = "finagent_strategy_stop_system";
    private static final int EVENTS = 3000;
    private static final Pattern DRAINED = Pattern.compile(
            "consumers of \\[decision-made, outcome-measured] paused with \\d+ events begun; 0 not finished");
    private static final Pattern WARNING = Pattern.compile("\"level\":\"(WARN|ERROR)\"| (WARN|ERROR) +\\[");

    @Test
    void aServiceStoppedInTheMiddleOfABacklogOfEventsStopsCleanlyAndAppliesEachOnceWhenStartedAgain() throws Exception {
        TestInfrastructure.ensureRunning();
        TestInfrastructure.freshDatabase("strategy-service", DATABASE);
        Map<String, String> env = RunningService.environment(ROOT, DATABASE, "strategy-stop-system"); // its group starts at the end
        TestDatabase db = new TestDatabase(DATABASE);
        String user = "stop-" + UUID.randomUUID();
        Set<String> sent = publish(EVENTS, user); // a backlog: the service is busy with one when it is stopped

        RunningService strategy = RunningService.start(ROOT, "strategy-service", "strategy-service-stop", env);
        try {
            strategy.awaitReady(Duration.ofSeconds(120));
            await("strategy-service applies the first events").atMost(Duration.ofSeconds(60))
                    .until(() -> db.count("SELECT count(*) FROM observed_decisions WHERE user_id = ?", user) >= 200);
            long before = strategy.logLength();
            int exit = strategy.stop();
            String stopping = strategy.logFrom(before);
            List<String> warnings = stopping.lines().filter(line -> WARNING.matcher(line).find()).toList();
            assertTrue(warnings.isEmpty(), "the stop logged:\n" + String.join("\n", warnings));
            // an event cut off by the pools' closing logs an error only when its connection was mid-statement,
            // so the stop's own account is checked too: the consumers paused and what they had begun finished
            assertTrue(DRAINED.matcher(stopping).find(), "the consumers paused and finished what they began:\n" + stopping);
            assertTrue(exit == 0 || exit == 143, "exit code " + exit);
        } finally {
            strategy.close();
        }

        long applied = db.count("SELECT count(*) FROM observed_decisions WHERE user_id = ?", user);
        assertTrue(applied < EVENTS, "the stop came in the middle of the events: " + applied + " of " + EVENTS + " applied");
        RunningService again = RunningService.start(ROOT, "strategy-service", "strategy-service-stop-again", env);
        try {
            again.awaitReady(Duration.ofSeconds(120));
            await("the rest applied after the start").atMost(Duration.ofSeconds(120))
                    .until(() -> db.count("SELECT count(*) FROM observed_decisions WHERE user_id = ?", user) == EVENTS);
            assertEquals(EVENTS, db.count("SELECT count(*) FROM inbox_events WHERE consumer = 'strategy-service'"),
                    "each event recorded once by the inbox");
            assertEquals(0, TestKafka.count("decision-made.dlq", r -> sent.contains(r.key()), Duration.ofSeconds(2)),
                    "nothing went to the dead-letter topic");
        } finally {
            again.close();
        }
    }

    /** {@code n} decision-made events of the user, sent at once: the ids sent. */
    private static Set<String> publish(int n, String user) {
        List<CloudEvent> events = IntStream.range(0, n).mapToObj(i -> TestEvents.decisionMade(TestEvents.newDecisionId(), user)).toList();
        TestEvents.publish(events);
        return events.stream().map(CloudEvent::subject).collect(Collectors.toSet());
    }
}
