package io.finagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * memory-service with two replicas on one database, each following it with its own index: recall
 * served by both at once, and how long a decision recorded on one takes to be recallable on the
 * other while the first takes the bench's ingest load. Its rows join the table of {@link MemoryBench}.
 */
final class ReplicasBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INGEST_SECONDS = 40;
    private static final int CLIENTS = 16;

    private ReplicasBench() {
    }

    static void run(String urlA, String urlB, String token, String probeToken, String restartSeconds, Path scripts, Path tableFile)
            throws Exception {
        Map<String, String> env = Map.of("TOKEN", token, "EXACT", "false");
        // B is a new JVM: on two shared cores its JIT compiler takes a core for about half a minute of
        // recalls, and both replicas merge the small segments the ingest left once idle for 10 s
        System.out.println("warming up both replicas: recall for 45 s each…");
        CompletableFuture<Wrk.Result> warmB = CompletableFuture.supplyAsync(() -> new Wrk(scripts, urlB).run("recall.lua", 1, 1, 45, env));
        new Wrk(scripts, urlA).run("recall.lua", 1, 1, 45, env);
        warmB.join();
        System.out.println("recall with two replicas serving: one client on each, 30 s…");
        CompletableFuture<Wrk.Result> onB = CompletableFuture.supplyAsync(() -> new Wrk(scripts, urlB).run("recall.lua", 1, 1, 30, env));
        Wrk.Result a = new Wrk(scripts, urlA).run("recall.lua", 1, 1, 30, env);
        Wrk.Result b = onB.join();

        System.out.printf("visibility on the other replica, under %d connections of ingest on the first for %d s…%n", CLIENTS, INGEST_SECONDS);
        CompletableFuture<Wrk.Result> ingest = CompletableFuture.supplyAsync(() ->
                new Wrk(scripts, urlA).run("decisions.lua", 2, CLIENTS, INGEST_SECONDS, Map.of("TOKEN", token)));
        Api recordOn = new Api(urlA, probeToken);
        Api recallFrom = new Api(urlB, probeToken);
        List<Long> lags = new ArrayList<>();
        Thread.sleep(5000); // the ingest at full speed first
        for (int i = 0; !ingest.isDone() && i < 1000; i++) {
            double marker = 1_000_000 + i; // a market no other decision of the probe's user is near
            long id = JSON.readTree(recordOn.post("/api/v1/decisions", "{\"strategyId\": 1, \"symbol\": \"LAG\", \"decisionType\": \"HOLD\","
                    + " \"confidence\": 0.5, \"marketContext\": {\"features\": {\"rsi_14\": " + marker + "}}}").body()).get("id").asLong();
            long recorded = System.nanoTime();
            while (nearest(recallFrom, marker) != id) {
                Thread.sleep(2);
            }
            lags.add(System.nanoTime() - recorded);
            Thread.sleep(200);
        }
        Wrk.Result load = ingest.join();
        Stats lag = Stats.ofNanos(lags);

        Table table = new Table("measure", "result", "baseline in the same run", "ratio", "target")
                .row("recall index ready after a restart (process start to readiness, index opened and caught up)",
                        restartSeconds + " s", "", "", "≤ 10 s at 1M")
                .row("recall over REST with two replicas serving, k=10: p50 / p95 / p99 on A; on B",
                        ms(a.p50()) + " / " + ms(a.p95()) + " / " + ms(a.p99()) + "; " + ms(b.p50()) + " / " + ms(b.p95()) + " / " + ms(b.p99()),
                        "", "", "p95 ≤ 10 ms")
                .row("a decision recorded on A recallable on B, p50 / p99 (" + lag.count() + " decisions, under "
                                + Table.format(load.perSecond()) + " decisions/s of ingest on A)",
                        ms(lag.median()) + " / " + ms(lag.percentile(99)), "", "", "p99 ≤ 1 s");
        String before = Files.readString(tableFile);
        String rows = table.toString();
        String all = before + rows.substring(rows.indexOf('\n', rows.indexOf('\n') + 1) + 1);
        System.out.println();
        System.out.println(all);
    }

    private static long nearest(Api api, double marker) throws Exception {
        HttpResponse<String> r = api.post("/api/v1/recall", "{\"marketContext\": {\"features\": {\"rsi_14\": " + marker + "}},"
                + " \"symbol\": \"LAG\", \"k\": 1, \"exact\": true}");
        JsonNode decisions = JSON.readTree(r.body()).path("decisions");
        return decisions.isEmpty() ? -1 : decisions.get(0).path("decision").path("id").asLong();
    }

    private static String ms(double millis) {
        return Table.format(millis) + " ms";
    }
}
