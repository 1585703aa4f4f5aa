package io.finagent.system;

import io.finagent.platform.events.EventType;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.TestKafka;
import io.finagent.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly once under faults, end to end. Agents record decisions at a steady pace, each with
 * the prices to measure it, while one fault follows another: the broker is stopped and started,
 * portfolio-, strategy- and memory-service are each killed with {@code kill -9} and started
 * again, and PostgreSQL (a cluster of the test's own) crashes and restarts. Each agent retries
 * what failed with the same {@code Idempotency-Key}, as a client should. At the end every
 * decision is stored once, measured once by portfolio-service, and its outcome applied once in
 * memory- and in strategy-service; none of them reached a dead-letter topic.
 * {@code finagent.chaos.decisions} (2,000 in CI) and {@code finagent.chaos.seconds} (the pace:
 * the decisions are spread over that long) are set by {@code bin/bench chaos}.
 */
class ChaosLoopSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("finagent.repo.root", "..")).toAbsolutePath().normalize();
    private static final int DECISIONS = Integer.getInteger("finagent.chaos.decisions", 2_000);
    private static final Duration PACE = Duration.ofSeconds(Long.getLong("finagent.chaos.seconds", 90));
    private static final int USERS = 8;
    private static final Duration HORIZON = Duration.ofMinutes(60);
    private static final Duration READY = Duration.ofSeconds(180);
    /** Ample: the loop drained 2,000 decisions in about 2 minutes after the last fault on this machine. */
    private static final Duration DRAIN = Duration.ofMinutes(10).plusMillis(DECISIONS * 100L);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final String run = "chaos-" + System.currentTimeMillis();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, RunningService> running = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();

    @Test
    void everyDecisionGoesRoundTheLoopExactlyOnceWhileTheBrokerServicesAndDatabaseFail() throws Exception {
        TestInfrastructure.ensureRunning();
        try (OwnPostgres postgres = OwnPostgres.start()) {
            try {
                startServices(postgres);
                loop(postgres);
            } finally {
                for (RunningService service : running.values()) {
                    service.close();
                }
            }
        }
    }

    private void loop(OwnPostgres postgres) throws Exception {
        TestDatabase memory = new TestDatabase(postgres.port(), database("memory-service"));
        TestDatabase portfolio = new TestDatabase(postgres.port(), database("portfolio-service"));
        TestDatabase strategy = new TestDatabase(postgres.port(), database("strategy-service"));
        // decision ids unlike any earlier test's, whose databases also started at 1
        memory.execute("ALTER TABLE decision_history ALTER COLUMN id RESTART WITH " + System.currentTimeMillis() * 1000);

        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(DECISIONS).minus(HORIZON).minus(Duration.ofMinutes(5));
        List<Long> strategies = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            strategies.add(createStrategy(user(u)));
            postPrices(user(u), base);
        }

        Set<String> ids = ConcurrentHashMap.newKeySet();
        Instant start = Instant.now();
        ExecutorService agents = Executors.newFixedThreadPool(USERS);
        List<CompletableFuture<Void>> recording = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            int first = u;
            recording.add(CompletableFuture.runAsync(() -> { // one agent a user, each at its share of the pace
                for (int i = first; i < DECISIONS; i += USERS) {
                    pace(start, i);
                    ids.add(String.valueOf(record(i, strategies.get(i % USERS), base.plusSeconds(i))));
                }
            }, agents));
        }
        CompletableFuture<Void> agent = CompletableFuture.allOf(recording.toArray(CompletableFuture[]::new))
                .whenComplete((done, failure) -> agents.shutdown());

        fault("broker stopped for 5 s", () -> {
            TestInfrastructure.stopKafka();
            Thread.sleep(5_000);
            TestInfrastructure.startKafka();
        });
        for (String service : List.of("portfolio-service", "strategy-service", "memory-service")) {
            fault(service + " killed (kill -9) and started again", () -> {
                running.get(service).kill();
                start(service);
                running.get(service).awaitReady(READY);
            });
        }
        fault("PostgreSQL crashed and restarted after 3 s", () -> postgres.restart(3_000));
        Instant lastFault = Instant.now();
        agent.get();
        Instant recorded = Instant.now();

        String users = run + "-%";
        Map<String, Long> counts = Map.of();
        Instant drained = null;
        Instant progress = Instant.now();
        while (Instant.now().isBefore(lastFault.plus(DRAIN)) && drained == null) {
            counts = counts(memory, portfolio, strategy, users);
            if (counts.values().stream().allMatch(c -> c == DECISIONS)) {
                drained = Instant.now();
            } else {
                if (Instant.now().isAfter(progress.plusSeconds(10))) {
                    progress = Instant.now();
                    print("draining, " + Duration.between(lastFault, progress).toSeconds() + " s after the last fault: " + counts);
                }
                Thread.sleep(1_000);
            }
        }
        print("decisions " + DECISIONS + " by " + USERS + " agents, recorded in " + Duration.between(start, recorded).toSeconds() + " s");
        print("counts " + counts);
        assertTrue(drained != null, "the loop did not drain within " + DRAIN + " of the last fault: " + counts);
        print("drained " + Duration.between(lastFault, drained).toMillis() + " ms after the last fault, "
                + Duration.between(recorded, drained).toMillis() + " ms after the last decision was recorded");

        assertEquals(DECISIONS, ids.size(), "each decision has an id of its own");
        for (EventType type : List.of(EventType.DECISION_MADE, EventType.OUTCOME_MEASURED)) {
            long deliveries = TestKafka.count(type.topic(), r -> ids.contains(r.key()), Duration.ofSeconds(3));
            long deadLetters = TestKafka.count(type.deadLetterTopic(), r -> ids.contains(r.key()), Duration.ofSeconds(3));
            print(type.topic() + ": " + deliveries + " records for " + DECISIONS + " decisions; " + deadLetters + " dead letters");
            assertTrue(deliveries >= DECISIONS, type.topic() + " carries every decision");
            assertEquals(0, deadLetters, "nothing of the loop in " + type.deadLetterTopic());
        }
        assertEquals(0, memory.count("SELECT count(*) FROM outbox_events WHERE published_at IS NULL"));
        assertEquals(0, portfolio.count("SELECT count(*) FROM outbox_events WHERE published_at IS NULL"));
    }

    /** Rows of the run's users, each of which must reach exactly the number of decisions: no loss, no duplicate. */
    private static Map<String, Long> counts(TestDatabase memory, TestDatabase portfolio, TestDatabase strategy, String users) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("memory decisions", memory.count("SELECT count(*) FROM decision_history WHERE user_id LIKE ?", users));
        counts.put("portfolio observed", portfolio.count("SELECT count(*) FROM observed_decisions WHERE user_id LIKE ?", users));
        counts.put("portfolio measured", portfolio.count(
                "SELECT count(*) FROM pending_outcome_measurements WHERE user_id LIKE ? AND status = 'MEASURED'", users));
        counts.put("memory outcomes", memory.count("SELECT count(*) FROM decision_history WHERE user_id LIKE ? AND outcome IS NOT NULL", users));
        counts.put("strategy observed", strategy.count("SELECT count(*) FROM observed_decisions WHERE user_id LIKE ?", users));
        counts.put("strategy outcomes", strategy.count("SELECT count(*) FROM strategy_outcomes WHERE user_id LIKE ?", users));
        return counts;
    }

    private interface Fault {
        void inject() throws Exception;
    }

    private void fault(String what, Fault fault) throws Exception {
        Thread.sleep(5_000); // the loop flows for a while between two faults
        Instant at = Instant.now();
        fault.inject();
        print(what + ": " + Duration.between(at, Instant.now()).toMillis() + " ms");
    }

    private void startServices(OwnPostgres postgres) throws Exception {
        for (String service : List.of("memory-service", "portfolio-service", "strategy-service")) {
            TestInfrastructure.freshDatabase(postgres.port(), service, database(service));
            // its group starts at the topics' end: a drain time of the loop, not of earlier tests' events
            Map<String, String> env = RunningService.environment(ROOT, database(service), service + "-chaos");
            env.put("FINAGENT_DB_PORT", String.valueOf(postgres.port()));
            env.put("FINAGENT_WORKING_MEMORY_REDIS_PREFIX", run + ":wm:");
            env.put("FINAGENT_RECALL_INDEX_DIRECTORY", ROOT.resolve("system-tests/target/" + run + "/recall-index").toString());
            environments.put(service, env);
            start(service);
        }
        for (RunningService service : running.values()) {
            service.awaitReady(READY);
        }
    }

    private void start(String service) throws IOException {
        running.put(service, RunningService.start(ROOT, service, service + "-chaos", environments.get(service)));
    }

    private static String database(String service) {
        return "finagent_" + service.replace("-service", "") + "_chaos";
    }

    private String user(int u) {
        return run + "-" + u;
    }

    private long createStrategy(String user) {
        String body = send("strategy-service", user, "/api/v1/strategies", null,
                "{\"name\": \"chaos\", \"type\": \"TECHNICAL\", \"status\": \"ACTIVE\"}");
        return id(body);
    }

    /** A price a minute for the user's symbol, from {@code base} to past the horizon of the last decision. */
    private void postPrices(String user, Instant base) {
        long minutes = DECISIONS / 60 + HORIZON.toMinutes() + 2;
        for (long m = 0; m <= minutes; m++) {
            send("portfolio-service", user, "/api/v1/prices", null, """
                    {"at": "%s", "prices": [{"symbol": "%s", "price": %d}]}""".formatted(base.plus(Duration.ofMinutes(m)), symbol(user), 100 + m % 7));
        }
    }

    private long record(int i, long strategyId, Instant decidedAt) {
        String user = user(i % USERS);
        return id(send("memory-service", user, "/api/v1/decisions", run + "-" + i, """
                {"strategyId": %d, "symbol": "%s", "decisionType": "%s", "confidence": 0.6,
                 "marketContext": {"features": {"rsi_14": %d}}, "horizonMinutes": %d, "decidedAt": "%s"}"""
                .formatted(strategyId, symbol(user), i % 2 == 0 ? "BUY" : "SELL", 30 + i % 40, HORIZON.toMinutes(), decidedAt)));
    }

    private static String symbol(String user) {
        return "CH" + (char) ('A' + Integer.parseInt(user.substring(user.lastIndexOf('-') + 1)));
    }

    /**
     * A POST as the agent would send it: a service away (killed, restarting, its database down)
     * is asked again, with the same idempotency key, until it answers; a 4xx is a bug of the test.
     */
    private String send(String service, String user, String path, String idempotencyKey, String json) {
        Instant deadline = Instant.now().plus(READY);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            RunningService target = running.get(service);
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", Tokens.bearer(Tokens.agent(user)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
                if (idempotencyKey != null) {
                    request.header("Idempotency-Key", idempotencyKey);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 300) {
                    return response.body();
                }
                if (response.statusCode() < 500) {
                    throw new AssertionError(service + " refused " + path + ": " + response.statusCode() + " " + response.body());
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException away) {
                last = away.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new AssertionError(service + " did not take " + path + " within " + READY + "; last: " + last);
    }

    private static void pace(Instant start, int i) {
        long due = start.toEpochMilli() + PACE.toMillis() * i / DECISIONS;
        long wait = due - System.currentTimeMillis();
        if (wait > 0) {
            sleep(wait);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no id in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private void print(String line) {
        System.out.println("chaos: " + line);
    }
}
