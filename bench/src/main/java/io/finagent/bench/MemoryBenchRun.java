package io.finagent.bench;

import io.finagent.local.ServiceJvm;
import io.finagent.local.ServiceProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bin/bench memory: memory-service on a database of its own, seeded with {@code decisions}; its index
 * rebuilt from PostgreSQL, then recall, context and ingest measured, then a restart on the durable index
 * and a second replica from a copy of it. Replica "a" on 18081, "b" on 18091.
 */
final class MemoryBenchRun {

    static final String DATABASE = "finagent_memory_bench";
    static final int PORT = 18081;
    private static final int PORT_B = 18091;
    private static final Pattern REBUILT = Pattern.compile(
            "recall index: rebuilt with (\\d+) decisions \\((\\d+) skipped\\) after ([0-9.]+) s \\((\\d+) segments\\)");
    private static final Pattern PROGRESS = Pattern.compile("recall index: \\d+ of \\d+ decisions \\(\\d+%\\)");

    private final BenchCluster cluster;

    MemoryBenchRun(BenchCluster cluster) {
        this.cluster = cluster;
    }

    static void run(int decisions) throws Exception {
        BenchCluster cluster = new BenchCluster();
        cluster.prepare(true, false, "memory-service", "bench");
        MemoryBenchRun bench = new MemoryBenchRun(cluster);
        bench.seed(decisions);
        System.out.println("starting memory-service; its index directory is empty, so it rebuilds from PostgreSQL…");
        ServiceProcess a = bench.start("a");
        String rebuild = bench.awaitIndex(a);
        String agent = cluster.token("bench", "agent");
        Path table = cluster.dir.resolve("memory-table.md");
        MemoryBench.main(new String[] {"run", a.url(), cluster.jdbc(DATABASE), agent, cluster.token("bench-admin", "admin"), rebuild,
                cluster.wrkScripts().toString(), table.toString()});
        System.out.println("restarting it: it opens its index and reads what it missed…");
        a.stop();
        bench.replicas(table);
    }

    /**
     * bin/bench memory-replicas: the restart and two-replica rows again, on the database and index
     * that the last bin/bench memory left (its table file holds that run's other rows).
     */
    static void replicasAgain() throws Exception {
        BenchCluster cluster = new BenchCluster();
        cluster.prepare(true, false, "memory-service", "bench");
        MemoryBenchRun bench = new MemoryBenchRun(cluster);
        Path table = cluster.dir.resolve("memory-table.md");
        if (!Files.exists(table)) {
            throw new IllegalStateException("no " + table + ": run bin/bench memory first");
        }
        // the first start after a build trains the JVM's AOT cache (ServiceJvm), as the seeding start of bin/bench memory does
        bench.start("a").stop();
        bench.replicas(table);
    }

    /** Replica "a" started on its index, "b" on a copy of it, both measured (ReplicasBench). */
    private void replicas(Path table) throws Exception {
        // the second replica starts from a copy of the same index, as a new pod from a snapshot of a volume
        Directories.delete(index("b"));
        Directories.copy(index("a"), index("b"));
        double restart = timeToReady("a");
        System.out.printf(Locale.ROOT, "ready after %.1f s; starting a second replica…%n", restart);
        timeToReady("b");
        MemoryBench.main(new String[] {"replicas", replica("a").url(), replica("b").url(), cluster.token("bench", "agent"),
                cluster.token("lag-probe", "agent"), String.format(Locale.ROOT, "%.1f", restart), cluster.wrkScripts().toString(),
                table.toString()});
        System.out.println(BenchCluster.machine());
        replica("b").stop();
        replica("a").stop();
    }

    /** A fresh database of {@code decisions} decisions: dropped, migrated by the service, seeded. */
    void seed(int decisions) throws Exception {
        cluster.freshDatabase("memory", DATABASE);
        Directories.delete(index("a"));
        Directories.delete(index("b"));
        System.out.println("creating " + DATABASE + " (the service migrates it)…");
        ServiceProcess a = start("a");
        awaitIndex(a);
        a.stop();
        Directories.delete(index("a"));
        System.out.println("seeding " + decisions + " decisions…");
        MemoryBench.main(new String[] {"seed", cluster.jdbc(DATABASE), Integer.toString(decisions)});
    }

    /** Replica "a" or "b", each with its recall index in a directory of its own; readiness waits for the index, as in production. */
    ServiceProcess replica(String name) {
        return cluster.service("memory-service", "memory-service-" + name, "b".equals(name) ? PORT_B : PORT);
    }

    /** Started and live: a start with an empty directory rebuilds the index, which {@link #awaitIndex} follows. */
    ServiceProcess start(String name) {
        Map<String, String> env = cluster.environment(DATABASE);
        env.putAll(Map.of("FINAGENT_CONSUMER_GROUP", "memory-bench", "FINAGENT_RECALL_SIMILARITY_WEIGHT", "1",
                "FINAGENT_RECALL_RECENCY_WEIGHT", "0", "FINAGENT_RECALL_IMPORTANCE_WEIGHT", "0",
                "FINAGENT_RECALL_INDEX_DIRECTORY", index(name).toString(), "FINAGENT_RECALL_INDEX_GATE_READINESS", "true",
                "FINAGENT_WORKING_MEMORY_REDIS_PREFIX", "finagent-bench:wm:"));
        ServiceProcess replica = replica(name).launch(cluster.layout.root(), "memory-service", env, ServiceJvm.largeHeap("2g"));
        replica.awaitLive(Duration.ofSeconds(120));
        return replica;
    }

    /** Seconds from the start of a replica until it is ready: its index open and caught up. */
    double timeToReady(String name) {
        long start = System.nanoTime();
        start(name).awaitReady(Duration.ofMinutes(15));
        return (System.nanoTime() - start) / 1e9;
    }

    /** "12.3 s for N decisions, S segments", once the replica's log says its index is rebuilt (its progress printed meanwhile). */
    String awaitIndex(ServiceProcess replica) throws IOException, InterruptedException {
        Path log = replica.process().log();
        String shown = "";
        while (true) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            Matcher rebuilt = REBUILT.matcher(text);
            if (rebuilt.find()) {
                System.out.println(rebuilt.group());
                return rebuilt.group(3) + " s for " + rebuilt.group(1) + " decisions, " + rebuilt.group(4) + " segments";
            }
            String progress = PROGRESS.matcher(text).results().map(m -> m.group()).reduce((first, last) -> last).orElse("");
            if (!progress.equals(shown)) {
                System.out.println(progress);
                shown = progress;
            }
            if (!replica.alive()) {
                throw new IllegalStateException("memory-service exited while rebuilding its index, see " + log);
            }
            Thread.sleep(5000);
        }
    }

    private Path index(String name) {
        return cluster.dir.resolve("recall-index-" + name);
    }
}
