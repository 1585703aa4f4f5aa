package io.finagent.bench;

import io.finagent.local.ServiceProcess;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** bin/bench cache: cache-service on its own database and a key prefix of its own in the machine's Redis, the floor on. */
final class CacheBenchRun {

    private static final int PORT = 18084;
    private static final String DATABASE = "finagent_cache_bench";
    private static final String PREFIX = "finagent-bench:cache:";

    static void run() throws Exception {
        BenchCluster cluster = new BenchCluster();
        cluster.prepare(false, false, "cache-service", "bench");
        cluster.freshDatabase("cache", DATABASE);
        clearKeys();
        Map<String, String> env = cluster.environment(DATABASE);
        env.putAll(Map.of("FINAGENT_REDIS_URL", "redis://127.0.0.1:6379", "FINAGENT_CACHE_REDIS_PREFIX", PREFIX,
                "FINAGENT_CACHE_BENCH_FLOOR", "true"));
        ServiceProcess cache = cluster.service("cache-service", "cache-service", PORT).launch(cluster.layout.root(), "cache-service", env,
                List.of("-Xmx1g"));
        try {
            cache.awaitReady(Duration.ofSeconds(120));
            CacheBench.main(new String[] {cache.url(), cluster.token("bench", "agent"), cluster.wrkScripts().toString(), "6379"});
            System.out.println(BenchCluster.machine());
        } finally {
            cache.stop();
            clearKeys();
        }
    }

    /** The bench's keys only: its prefix, and redis-benchmark's. */
    private static void clearKeys() throws IOException, InterruptedException {
        String script = "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('UNLINK', k) n = n + 1 end "
                + "redis.call('UNLINK', 'key:__rand_int__') return n";
        Process cli = new ProcessBuilder("redis-cli", "-p", "6379", "EVAL", script, "0", PREFIX + "*")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (cli.waitFor() != 0) {
            throw new IllegalStateException("could not clear the bench's keys from Redis");
        }
    }
}
