package io.finagent.system;

import io.finagent.local.Readiness;
import io.finagent.local.ServiceJvm;
import io.finagent.platform.events.EventType;
import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.TestKafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service (its quarkus-run.jar) started as a user would, in the production profile. */
final class RunningService implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private RunningService(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static RunningService start(Path root, String name, Map<String, String> env) throws IOException {
        return start(root, name, name, env);
    }

    /** One of several replicas of a service: {@code replica} names its log. */
    static RunningService start(Path root, String name, String replica, Map<String, String> env) throws IOException {
        return start(root, name, replica, env, List.of(), null);
    }

    /** With {@code -D} options of its own and, when not null, another working directory (where ./config.yaml is read). */
    static RunningService start(Path root, String name, String replica, Map<String, String> env, List<String> systemProperties,
                                Path workingDirectory) throws IOException {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        int port = freePort();
        Path log = root.resolve("system-tests/target/" + replica + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(ServiceJvm.OPTIONS);
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workingDirectory != null) {
            pb.directory(workingDirectory.toFile());
        }
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return new RunningService(name, port, pb.start(), log);
    }

    /**
     * What every service of a test's cluster is given: its database, the run's broker, QuestDB and
     * Redis, the test keys, and a consumer group of its own for this run, started at the current
     * end of every topic: the topics hold every earlier test's events (thousands, after the chaos
     * test), which a new group would otherwise replay before the test's own.
     */
    /** The public half of the tests' signing key (platform-test-support's test-keys). */
    static String testPublicKey(Path root) {
        return root.resolve("platform/test-support/src/main/resources/test-keys/publicKey.pem").toString();
    }

    static Map<String, String> environment(Path root, String database, String consumerGroup) {
        String group = consumerGroup + "-" + System.currentTimeMillis();
        TestKafka.startGroupAtEnd(group, Arrays.stream(EventType.values()).map(EventType::topic).toList());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FINAGENT_DB_NAME", database);
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrap());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", testPublicKey(root));
        env.put("FINAGENT_CONSUMER_GROUP", group);
        env.put("FINAGENT_QUESTDB_HTTP_URL", TestInfrastructure.ports().questDbHttpUrl());
        env.put("FINAGENT_QUESTDB_PG_PORT", String.valueOf(TestInfrastructure.ports().questDbPg()));
        env.put("FINAGENT_REDIS_URL", "redis://127.0.0.1:" + TestInfrastructure.redisPort());
        return env;
    }

    String url() {
        return "http://localhost:" + port;
    }

    void awaitReady(Duration timeout) {
        Readiness.await(name, () -> Readiness.serviceReady(url()), process::isAlive, log, timeout);
    }

    /** The exit code of a service that stops by itself (a refused start), or null if it still runs after {@code timeout}. */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** What the service has logged so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** How many bytes it has logged so far: where a later {@link #logFrom} starts. */
    long logLength() throws IOException {
        return Files.size(log);
    }

    /** What it logged from byte {@code offset} on. */
    String logFrom(long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }

    /** SIGTERM, as Kubernetes stops a pod, and its exit code once it has exited (within a minute). */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not exit within a minute of SIGTERM, see " + log);
        }
        return process.exitValue();
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or committed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
