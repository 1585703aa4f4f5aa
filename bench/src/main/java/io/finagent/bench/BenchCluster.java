package io.finagent.bench;

import io.finagent.local.Build;
import io.finagent.local.Kafka;
import io.finagent.local.Layout;
import io.finagent.local.LocalTokens;
import io.finagent.local.MachineStores;
import io.finagent.local.Ports;
import io.finagent.local.QuestDb;
import io.finagent.local.Service;
import io.finagent.local.ServiceJvm;
import io.finagent.local.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * What every benchmark runs on: the local cluster's stores (started when they do not answer), the
 * services it measures launched on ports of their own with their state in {@code .run/bench/}, and
 * tokens of the local key. The benchmarks' databases are their own, dropped first.
 */
final class BenchCluster {

    final Layout layout = Layout.local();
    final Path dir = layout.state().resolve("bench");
    final LocalTokens tokens = new LocalTokens(layout);
    private final MachineStores stores = new MachineStores(layout);

    BenchCluster() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PostgreSQL and Redis, Kafka and QuestDB when asked, wrk, and the modules built. */
    void prepare(boolean kafka, boolean questDb, String... modules) {
        stores.start();
        stores.benchTools();
        if (kafka) {
            new Kafka(layout).start();
        }
        if (questDb) {
            new QuestDb(layout).start();
        }
        System.out.println("building " + String.join(", ", modules) + "…");
        new Build(layout.root()).install(modules);
    }

    void freshDatabase(String service, String database) {
        stores.provision(Ports.POSTGRES, "--fresh", service + ":" + database);
    }

    String token(String subject, String role) {
        return tokens.mint(subject, List.of(role));
    }

    /** A service named {@code label} (its pid file and log in .run/bench/), not yet started. */
    ServiceProcess service(String module, String label, int port) {
        return ServiceProcess.of(layout.root(), dir, module, label, port);
    }

    /** What every service here is told: the local cluster's stores and key (Service.environment), its files in .run/bench, its database. */
    Map<String, String> environment(String database) {
        Map<String, String> env = Service.environment(layout, dir, tokens);
        env.put("FINAGENT_DB_NAME", database);
        return env;
    }

    String jdbc(String database) {
        return "jdbc:postgresql://127.0.0.1:" + Ports.POSTGRES + "/" + database;
    }

    Path wrkScripts() {
        return layout.root().resolve("bench/wrk");
    }

    /** The line under every table: what it was measured on, and when. */
    static String machine() {
        long gib;
        try (var lines = Files.lines(Path.of("/proc/meminfo"))) {
            gib = lines.filter(l -> l.startsWith("MemTotal:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0) >> 20;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "machine: %d cores, %d GiB, services on %s, %s".formatted(Runtime.getRuntime().availableProcessors(), gib,
                ServiceJvm.find().version(), LocalDate.now(ZoneOffset.UTC));
    }
}
