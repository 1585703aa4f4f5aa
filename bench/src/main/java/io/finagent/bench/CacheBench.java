package io.finagent.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * cache-service's benchmark: an L1 hit and an L2 hit over REST against the service's own floor
 * (a route with the reads' token and role check that does no cache work, on only for the bench),
 * side by side in one run with the same concurrency, and raw Redis GET (redis-benchmark) beside them
 * for reference; then 200 concurrent misses on one key. Each figure is the median of 3 runs.
 * Usage: CacheBench url token wrkDir redisPort
 */
public final class CacheBench {

    private static final int CONNECTIONS = 50;
    private static final int RUNS = 3;
    private static final int SECONDS = 10;
    private static final int L2_KEYS = 100_000;

    private record Measure(double perSecond, double p99) {
    }

    /** What wrk runs, and what must hold before each run (the L1 key, which the L2 runs' promotions evict). */
    private record Workload(Map<String, String> env, Runnable prepare) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        Wrk wrk = new Wrk(Path.of(args[2]), url);
        int redisPort = Integer.parseInt(args[3]);
        Api api = new Api(url, token);

        Runnable hotInL1 = () -> put(api, "/api/v1/cache/hot?levels=L1&ttl=3600", "{\"bid\": 187.25, \"ask\": 187.27}");
        System.err.println("seeding " + L2_KEYS + " keys in L2…");
        seed(api);

        Map<String, String> env = Map.of("TOKEN", token);
        List<Measure> reads = measure(wrk, List.of(new Workload(with(env, "FIXED_PATH", "/api/v1/floor"), () -> { }),
                new Workload(with(env, "FIXED_PATH", "/api/v1/cache/hot"), hotInL1),
                new Workload(with(env, "PATH_PREFIX", "/api/v1/cache/", "KEYS", String.valueOf(L2_KEYS)), () -> { })));
        Measure floor = reads.get(0);
        Measure l1 = reads.get(1);
        Measure l2 = reads.get(2);
        Measure redis = redisBenchmark(redisPort);
        int loads = stampede(url, token);

        System.out.println(new Table("measure (" + CONNECTIONS + " connections, median of " + RUNS + " × " + SECONDS + " s, taken in turns)",
                "req/s", "p99 ms", "baseline req/s", "ratio", "target")
                .row("floor: GET /api/v1/floor (token and role, no cache work)", floor.perSecond(), floor.p99(), "", "", "")
                .row("L1 hit over REST", l1.perSecond(), l1.p99(), floor.perSecond(), l1.perSecond() / floor.perSecond(), "≥ 0.85 of the floor")
                .row("L2 hit over REST (random of " + L2_KEYS + " keys)", l2.perSecond(), l2.p99(), floor.perSecond(),
                        l2.perSecond() / floor.perSecond(), "≥ 0.70 of the floor")
                .row("raw Redis GET (redis-benchmark), for reference", redis.perSecond(), redis.p99(), "", "", "")
                .row("loads caused by 200 concurrent misses on one key", (double) loads, "", "", "", "exactly 1"));
    }

    private static Map<String, String> with(Map<String, String> env, String... pairs) {
        Map<String, String> all = new java.util.HashMap<>(env);
        for (int i = 0; i < pairs.length; i += 2) {
            all.put(pairs[i], pairs[i + 1]);
        }
        return all;
    }

    /**
     * Each workload warmed up, then the runs taken in turns (floor, L1, L2, floor, …), so the JIT's
     * progress and the machine's moods fall on all of them alike; the median of each.
     */
    private static List<Measure> measure(Wrk wrk, List<Workload> workloads) {
        for (Workload workload : workloads) { // warm-up: JIT and connections
            workload.prepare().run();
            wrk.run("cache-get.lua", 2, CONNECTIONS, SECONDS, workload.env());
        }
        double[][] rates = new double[workloads.size()][RUNS];
        double[][] p99s = new double[workloads.size()][RUNS];
        for (int i = 0; i < RUNS; i++) {
            for (int w = 0; w < workloads.size(); w++) {
                Workload workload = workloads.get(w);
                workload.prepare().run();
                Wrk.Result r = wrk.run("cache-get.lua", 2, CONNECTIONS, SECONDS, workload.env());
                if (r.failed() > 0) {
                    throw new IllegalStateException(r.failed() + " failed calls for " + workload.env());
                }
                rates[w][i] = r.perSecond();
                p99s[w][i] = r.p99();
            }
        }
        List<Measure> medians = new ArrayList<>();
        for (int w = 0; w < workloads.size(); w++) {
            medians.add(new Measure(median(rates[w]), median(p99s[w])));
        }
        return medians;
    }

    /** redis-benchmark GET with the same number of connections; its CSV: "test","rps",…,"p99_latency_ms",… */
    private static Measure redisBenchmark(int port) throws IOException, InterruptedException {
        double[] rates = new double[RUNS];
        double[] p99s = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            Process p = new ProcessBuilder("redis-benchmark", "-h", "127.0.0.1", "-p", String.valueOf(port), "-t", "get",
                    "-n", "500000", "-c", String.valueOf(CONNECTIONS), "--csv").redirectErrorStream(true).start();
            String row = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("\"GET\"")) {
                        row = line;
                    }
                }
            }
            if (p.waitFor() != 0 || row == null) {
                throw new IllegalStateException("redis-benchmark failed");
            }
            String[] cells = Arrays.stream(row.split(",")).map(c -> c.replace("\"", "")).toArray(String[]::new);
            rates[i] = Double.parseDouble(cells[1]);
            p99s[i] = Double.parseDouble(cells[6]);
        }
        return new Measure(median(rates), median(p99s));
    }

    /** 200 callers miss one key at once with ?lease=true; the one given the lease loads it. Returns the loads. */
    private static int stampede(String url, String token) throws Exception {
        String path = "/api/v1/cache/stampede-" + System.nanoTime();
        AtomicInteger loads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CyclicBarrier start = new CyclicBarrier(200);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(pool.submit(() -> {
                Api api = new Api(url, token);
                start.await();
                HttpResponse<String> r = api.get(path + "?lease=true");
                if (r.statusCode() == 404 && r.headers().firstValue("X-Cache-Lease").isPresent()) {
                    loads.incrementAndGet();
                    put(api, path, "{\"loaded\": true}");
                }
                return r.statusCode();
            }));
        }
        for (Future<Integer> call : calls) {
            call.get();
        }
        pool.shutdown();
        return loads.get();
    }

    private static void seed(Api api) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 1; i <= L2_KEYS; i++) {
                int key = i;
                puts.add(pool.submit(() -> put(api, "/api/v1/cache/key-" + key + "?levels=L2&ttl=3600", "{\"close\": " + key + ".25}")));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdownNow(); // a failed put must not leave the pool's threads holding the JVM open
        }
    }

    private static void put(Api api, String path, String json) {
        HttpResponse<String> r = api.put(path, json);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT " + path + ": " + r.statusCode() + " " + r.body());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
