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
import java.util.Optional;

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

    /**
     * The line under every table: what it was measured on, and when. It names the processor: on the
     * two cores of another machine the same code printed a two-replica recall p95 of 13.2 / 14.6 ms,
     * against 4.77 / 5.44 ms on an AMD EPYC's.
     */
    static String machine() {
        long gib = procLine("/proc/meminfo", "MemTotal:").map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L) >> 20;
        String cpu = procLine("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown processor");
        return "machine: %d cores (%s), %d GiB, services on %s, %s".formatted(Runtime.getRuntime().availableProcessors(), cpu, gib,
                ServiceJvm.find().version(), LocalDate.now(ZoneOffset.UTC));
    }

    private static Optional<String> procLine(String file, String prefix) {
        try (var lines = Files.lines(Path.of(file))) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
