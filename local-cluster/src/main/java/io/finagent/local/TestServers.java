package io.finagent.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test run's Kafka, QuestDB and Redis, on {@link Ports#TEST}: one of each per run. {@code bin/test}
 * starts them before Maven and stops them after; a module run alone from an IDE gets them from
 * {@link #ensureRunning} in its test JVM, stopped when that JVM ends. A server that already answers
 * is used and left running: it belongs to a parallel run or to a developer.
 */
public final class TestServers {

    private static boolean ensured;

    private final Layout layout = Layout.test();
    private final Kafka kafka = new Kafka(layout);
    private final QuestDb questDb = new QuestDb(layout);
    private final OwnRedis redis = new OwnRedis(layout);

    public List<Server> all() {
        return List.of(kafka, questDb, redis);
    }

    public Kafka kafka() {
        return kafka;
    }

    public QuestDb questDb() {
        return questDb;
    }

    public OwnRedis redis() {
        return redis;
    }

    /** For a test JVM: the servers answer, and the services' test databases exist. */
    public static synchronized void ensureRunning() {
        if (ensured) {
            return;
        }
        TestServers servers = new TestServers();
        for (Server server : servers.all()) {
            if (!server.answers()) {
                server.start();
                // started by this JVM, so this JVM stops it; one started by bin/test outlives us
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            }
        }
        new MachineStores(servers.layout).provision(Ports.POSTGRES);
        ensured = true;
    }

    /** bin/test, before Maven: the machine's stores, the deploy tools, and the servers, recording which this run started. */
    void startForRun() {
        MachineStores stores = new MachineStores(layout);
        stores.start();
        stores.deployTools();
        List<String> started = new ArrayList<>();
        for (Server server : all()) {
            if (server.answers()) {
                Console.say(server.name() + ": already answers, used and left running (not started by this run)");
                continue;
            }
            started.add(server.name());
            write(started); // before starting, so a half-started one is stopped too
            server.start();
        }
    }

    /** bin/test, after Maven: stops what {@link #startForRun} started, last first. */
    void stopForRun() {
        List<String> started = read();
        List<Server> servers = new ArrayList<>(all());
        java.util.Collections.reverse(servers);
        servers.stream().filter(s -> started.contains(s.name())).forEach(Server::stop);
        write(List.of());
    }

    private Path record() {
        return layout.state().resolve("started-by-this-run");
    }

    private void write(List<String> names) {
        try {
            Files.createDirectories(layout.state());
            Files.write(record(), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> read() {
        try {
            return Files.exists(record()) ? Files.readAllLines(record()) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
