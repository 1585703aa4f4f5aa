package io.finagent.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Kafka broker, QuestDB and Redis of a test run. {@code bin/test} starts one of each before
 * Maven; when a module is run alone they are started here, once per JVM, with the same script
 * ({@code deploy/local/infra.sh}) and ports ({@code deploy/local/test-infra.env}), and stopped
 * when the JVM ends. Each service's role and databases are provisioned ({@code infra.sh databases}).
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
        script(Map.of(), "databases");
        started = true;
    }

    /**
     * A new, empty database owned by the service's own role, dropped first if it exists: what a
     * service under test ({@code memory-service}, …) starts against. {@code port} is the PostgreSQL
     * server's (a test's own cluster, or 5432).
     */
    public static void freshDatabase(int port, String service, String database) {
        script(Map.of("FINAGENT_PG_PORT", String.valueOf(port)), "databases", "--fresh", service.replace("-service", "") + ":" + database);
    }

    public static void freshDatabase(String service, String database) {
        freshDatabase(5432, service, database);
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
        script(Map.of(), "redis-own", "stop");
    }

    public static void startRedis() {
        script(Map.of(), "redis-own", "start");
    }

    public static Map<String, String> env() {
        return ENV;
    }

    /** Stops the shared broker (used to prove the outbox survives an outage); start it again after. */
    public static void stopKafka() {
        script(Map.of(), "kafka", "stop");
    }

    public static void startKafka() {
        script(Map.of(), "kafka", "start");
    }

    /** Stops the shared QuestDB (used to prove the time series survives an outage); start it again after. */
    public static void stopQuestDb() {
        script(Map.of(), "questdb", "stop");
        if (answers(Integer.parseInt(ENV.get("QUESTDB_HTTP_PORT")))) {
            // started by someone else (a developer's own run): this run cannot take it down, so an outage test would prove nothing
            throw new IllegalStateException("QuestDB on port " + ENV.get("QUESTDB_HTTP_PORT") + " was not started by this run and still answers");
        }
    }

    public static void startQuestDb() {
        script(Map.of(), "questdb", "start");
    }

    private static void startIfDown(String component, int port) {
        if (answers(port)) {
            return;
        }
        script(Map.of(), component, "start");
        // started by this JVM, so this JVM stops it; one started by bin/test outlives us
        Runtime.getRuntime().addShutdownHook(new Thread(() -> script(Map.of(), component, "stop")));
    }

    public static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void script(Map<String, String> extraEnv, String... arguments) {
        Map<String, String> env = new HashMap<>(ENV);
        env.putIfAbsent("FINAGENT_STATE_DIR", ROOT.resolve(".run/test-infra").toString());
        env.putAll(extraEnv);
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("deploy/local/infra.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).inheritIO();
        pb.environment().putAll(env);
        try {
            Process process = pb.start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("infra.sh " + String.join(" ", arguments) + " failed");
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
