package io.finagent.bench;

import io.finagent.local.Build;
import io.finagent.local.ChildProcess;
import io.finagent.local.Readiness;
import io.finagent.local.Service;
import io.finagent.local.ServiceJvm;
import io.finagent.local.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bin/bench start: each service started alone and all five together, as bin/start starts them
 * ({@link ServiceJvm}), against the local cluster's stores; beside the framework's floor, the smallest
 * Quarkus REST service (bench/floor-service), built in the same run and started the same way. For each:
 * time to ready, CPU-seconds the JVM spent until then, and its resident memory after {@link #SETTLE} idle.
 * The median of {@link #RUNS} runs, taken in turns (floor, each service, all five, floor, …), after one
 * start of each that is not counted: it migrates the databases and, on JDK 25, trains the AOT caches,
 * as the first bin/start after a build does.
 */
final class StartupBenchRun {

    private static final int RUNS = 3;
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final int FLOOR_PORT = 18080;

    /** One start: seconds to ready, CPU-seconds until ready, resident MB once idle, and of them the process's own (anonymous) MB. */
    record Start(double seconds, double cpuSeconds, double rssMb, double anonMb) {
    }

    private final BenchCluster cluster = new BenchCluster();

    static void run() throws Exception {
        new StartupBenchRun().measure();
    }

    private void measure() throws Exception {
        List<String> modules = new ArrayList<>(Service.ALL.stream().map(Service::name).toList());
        modules.add("bench");
        cluster.prepare(true, true, modules.toArray(String[]::new));
        buildFloor();
        for (Service service : Service.ALL) {
            cluster.freshDatabase(service.name().replace("-service", ""), database(service));
        }
        System.out.println("a first start of each, which migrates its database and trains its AOT cache (not counted)…");
        Start first = startAll(Service.ALL);
        startFloor();

        List<Start> floor = new ArrayList<>();
        List<List<Start>> alone = new ArrayList<>();
        Service.ALL.forEach(s -> alone.add(new ArrayList<>()));
        List<Start> together = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            System.out.println("run " + run + " of " + RUNS + "…");
            floor.add(startFloor());
            for (int i = 0; i < Service.ALL.size(); i++) {
                alone.get(i).add(startAll(List.of(Service.ALL.get(i))));
            }
            together.add(startAll(Service.ALL));
        }

        Start floorMedian = median(floor);
        Table table = new Table("start (median of " + RUNS + ", taken in turns; RSS after " + SETTLE.toSeconds() + " s idle)",
                "ready s", "CPU s", "RSS MB", "of it private MB", "ready vs floor", "target");
        table.row("floor: minimal Quarkus REST service", floorMedian.seconds(), floorMedian.cpuSeconds(), floorMedian.rssMb(),
                floorMedian.anonMb(), "", "");
        for (int i = 0; i < Service.ALL.size(); i++) {
            Start start = median(alone.get(i));
            table.row(Service.ALL.get(i).name() + " alone", start.seconds(), start.cpuSeconds(), start.rssMb(), start.anonMb(),
                    start.seconds() / floorMedian.seconds(), "≤ 3 s, ≤ 200 MB");
        }
        Start all = median(together);
        table.row("all five together (CPU and RSS summed)", all.seconds(), all.cpuSeconds(), all.rssMb(), all.anonMb(),
                all.seconds() / floorMedian.seconds(), "≤ 20 s");
        table.row("all five, the first start after a build (migrations, AOT training; once)", first.seconds(), first.cpuSeconds(),
                first.rssMb(), first.anonMb(), "", "");
        System.out.println(table);
        System.out.println("JVM: " + ServiceJvm.find().describe());
        System.out.println(BenchCluster.machine());
    }

    /** Starts the services at once; the time until the last is ready, CPU and RSS summed over them. */
    private Start startAll(List<Service> services) throws InterruptedException {
        long begin = System.nanoTime();
        List<ServiceProcess> started = new ArrayList<>();
        for (Service service : services) {
            Map<String, String> env = cluster.environment(database(service));
            env.put("FINAGENT_CONSUMER_GROUP", "startup-bench-" + service.name());
            started.add(cluster.service(service.name(), "start-" + service.name(), service.port() + 10_000)
                    .launch(cluster.layout.root(), service.name(), env, List.of()));
        }
        double cpu = 0;
        for (ServiceProcess process : started) {
            process.awaitReady(Duration.ofSeconds(180));
            cpu += cpuSeconds(process);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Thread.sleep(SETTLE.toMillis());
        double rss = started.stream().mapToDouble(p -> memoryMb(pid(p), "VmRSS:")).sum();
        double anon = started.stream().mapToDouble(p -> memoryMb(pid(p), "RssAnon:")).sum();
        started.forEach(ServiceProcess::stop);
        return new Start(seconds, cpu, rss, anon);
    }

    private Start startFloor() throws InterruptedException {
        Path app = cluster.layout.root().resolve("bench/floor-service/target/quarkus-app");
        ChildProcess child = new ChildProcess("floor", cluster.dir.resolve("floor.pid"), cluster.dir.resolve("floor.log"),
                app.resolve("quarkus-run.jar").toString());
        List<String> command = ServiceJvm.find().command(app, List.of("-Dquarkus.http.port=" + FLOOR_PORT));
        long begin = System.nanoTime();
        ProcessHandle handle = child.spawn(command, Map.of(), cluster.layout.root());
        Readiness.await("floor", () -> Readiness.status("http://localhost:" + FLOOR_PORT + "/hello") == 200, handle::isAlive, child.log(),
                Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - begin) / 1e9;
        double cpu = cpuSeconds(handle.pid());
        Thread.sleep(SETTLE.toMillis());
        double rss = memoryMb(handle.pid(), "VmRSS:");
        double anon = memoryMb(handle.pid(), "RssAnon:");
        child.stop(Duration.ofMinutes(2));
        return new Start(seconds, cpu, rss, anon);
    }

    private void buildFloor() {
        System.out.println("building the floor (bench/floor-service)…");
        new Build(cluster.layout.root()).maven("-f", "bench/floor-service/pom.xml", "package");
    }

    private static String database(Service service) {
        return "finagent_" + service.name().replace("-service", "") + "_start_bench";
    }

    private static double cpuSeconds(ServiceProcess process) {
        return cpuSeconds(pid(process));
    }

    private static long pid(ServiceProcess process) {
        return process.process().running().orElseThrow(() -> new IllegalStateException(process.process().name() + " is gone")).pid();
    }

    /** User and system time of the process so far (/proc/pid/stat, fields 14 and 15, in clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /**
     * A figure of /proc/pid/status: VmRSS, all resident pages, or RssAnon, the process's own (the rest is
     * mapped files: jars, and the AOT cache's read-only part, which the page cache shares).
     */
    private static double memoryMb(long pid, String field) {
        return read(Path.of("/proc", Long.toString(pid), "status")).lines().filter(l -> l.startsWith(field))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow() / 1024.0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Start median(List<Start> starts) {
        return new Start(median(starts.stream().mapToDouble(Start::seconds)), median(starts.stream().mapToDouble(Start::cpuSeconds)),
                median(starts.stream().mapToDouble(Start::rssMb)), median(starts.stream().mapToDouble(Start::anonMb)));
    }

    private static double median(java.util.stream.DoubleStream values) {
        return new Stats(values.sorted().toArray()).median();
    }
}
