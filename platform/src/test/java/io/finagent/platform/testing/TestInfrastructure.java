package io.finagent.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Kafka broker, QuestDB and Redis of a test run. {@code bin/test} starts one of each before
 * Maven; when a module is run alone they are started here, once per JVM, with the same script
 * ({@code deploy/local/infra.sh}) and ports ({@code deploy/local/test-infra.env}), and stopped
 * when the JVM ends.
 */
public final class TestInfrastructure {

    private static final Path ROOT = findRepoRoot();
    private static final Map<String, String> ENV = readEnv(ROOT.resolve("deploy/local/test-infra.env"));
    private static boolean started;

    private TestInfrastructure() {
    }

    public static synchronized void ensureRunning() {
        if (started) {
            return;
        }
        startIfDown("kafka", kafkaPort());
        startIfDown("questdb", Integer.parseInt(ENV.get("QUESTDB_HTTP_PORT")));
        startIfDown("redis-own", redisPort());
        started = true;
    }

    public static int kafkaPort() {
        return Integer.parseInt(ENV.get("KAFKA_PORT"));
    }

    public static String kafkaBootstrap() {
        return "localhost:" + kafkaPort();
    }

    public static int redisPort() {
        return Integer.parseInt(ENV.get("REDIS_OWN_PORT"));
    }

    /** Stops the run's own Redis (used to prove the cache's fallback); start it again after. */
    public static void stopRedis() {
        script("redis-own", "stop");
    }

    public static void startRedis() {
        script("redis-own", "start");
    }

    public static Map<String, String> env() {
        return ENV;
    }

    /** Stops the shared broker (used to prove the outbox survives an outage); start it again after. */
    public static void stopKafka() {
        script("kafka", "stop");
    }

    public static void startKafka() {
        script("kafka", "start");
    }

    /** Stops the shared QuestDB (used to prove the time series survives an outage); start it again after. */
    public static void stopQuestDb() {
        script("questdb", "stop");
        if (answers(Integer.parseInt(ENV.get("QUESTDB_HTTP_PORT")))) {
            // started by someone else (a developer's own run): this run cannot take it down, so an outage test would prove nothing
            throw new IllegalStateException("QuestDB on port " + ENV.get("QUESTDB_HTTP_PORT") + " was not started by this run and still answers");
        }
    }

    public static void startQuestDb() {
        script("questdb", "start");
    }

    private static void startIfDown(String component, int port) {
        if (answers(port)) {
            return;
        }
        script(component, "start");
        // started by this JVM, so this JVM stops it; one started by bin/test outlives us
        Runtime.getRuntime().addShutdownHook(new Thread(() -> script(component, "stop")));
    }

    public static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void script(String component, String action) {
        Map<String, String> env = new HashMap<>(ENV);
        env.putIfAbsent("FINAGENT_STATE_DIR", ROOT.resolve(".run/test-infra").toString());
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("deploy/local/infra.sh").toString(), component, action)
                .directory(ROOT.toFile()).inheritIO();
        pb.environment().putAll(env);
        try {
            Process process = pb.start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("infra.sh " + component + " " + action + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readEnv(Path file) {
        try {
            Map<String, String> env = new HashMap<>();
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
                    env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
                }
            }
            return Map.copyOf(env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRepoRoot() {
        String configured = System.getProperty("finagent.repo.root");
        Path dir = Path.of(configured != null ? configured : System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("deploy/local/infra.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + dir);
    }
}
