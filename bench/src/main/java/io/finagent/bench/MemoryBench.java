package io.finagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * memory-service at a million decisions (and 10,000 patterns, 100,000 lessons, 100,000 episodes):
 * GET /context over REST, recall latency over REST with wrk (HNSW, exact scan of
 * the index, and the same query as a plain PostgreSQL scan), recall and context as MCP tool calls
 * against the same calls over REST, recall@10 of HNSW against exact, and
 * decision ingest over REST with every decision-made published, against raw JDBC inserts.
 * Run by {@code bin/bench memory}, which seeds, starts the service and passes the arguments.
 */
public final class MemoryBench {

    private static final String USER = "bench";
    private static final String SESSION = "bench-session";
    private static final String SEEDED_REST = "10,000 patterns, 100,000 lessons and 100,000 episodes";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 16;
    private static final int INGEST_WARMUP_SECONDS = 60;
    private static final int INGEST_SECONDS = 60;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], Integer.parseInt(args[2]));
            case "run" -> run(new Api(args[1], args[3]), new Api(args[1], args[4]), args[2], args[5],
                    new Wrk(Path.of(args[6]), args[1]), args[3], Path.of(args[7]));
            case "replicas" -> ReplicasBench.run(args[1], args[2], args[3], args[4], args[5], Path.of(args[6]), Path.of(args[7]));
            default -> throw new IllegalArgumentException("seed <jdbc-url> <count> | run <url> <jdbc-url> <agent-token> <admin-token> "
                    + "<rebuild> <wrk-dir> <table> | replicas <url-a> <url-b> <agent-token> <probe-token> <restart-seconds> <wrk-dir> <table>");
        }
    }

    /** Decisions of one user over the last years, in chunks of 100,000 with progress. */
    static void seed(String jdbc, int count) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO decision_history (user_id, strategy_id, symbol, decision_type, confidence, market_context,
                                                   decided_at, outcome, outcome_measured_at)
                     SELECT ?, 1 + i % 5, 'SYM' || (i % 50), (ARRAY['BUY','SELL','HOLD'])[1 + i % 3], 0.5,
                            jsonb_build_object('features', FEATURES),
                            now() - make_interval(secs => (? - i) * 60.0), round((random() - 0.5)::numeric * 0.1, 6),
                            now() - make_interval(secs => (? - i) * 60.0 - 3600)
                     FROM generate_series(?, ?) AS i""".replace("FEATURES", MarketFeatures.sqlObject()))) {
            long started = System.nanoTime();
            for (int from = 1; from <= count; from += 100_000) {
                int to = Math.min(count, from + 99_999);
                insert.setString(1, USER);
                insert.setInt(2, count);
                insert.setInt(3, count);
                insert.setInt(4, from);
                insert.setInt(5, to);
                insert.executeUpdate();
                System.out.printf("seeded %,d of %,d decisions (%.0f s)%n", to, count, (System.nanoTime() - started) / 1e9);
            }
            seedTheRest(c);
        }
    }

    /**
     * What else GET /context reads: 10,000 patterns, 100,000 lessons and 100,000 finished episodes
     * of the same user, each with a market drawn as the decisions' are, and the credits behind
     * every pattern's and lesson's counts (so that their statistics as of any instant hold).
     */
    private static void seedTheRest(Connection c) throws SQLException {
        long started = System.nanoTime();
        String features = MarketFeatures.sqlObject();
        try (Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO pattern_recognition (user_id, pattern_type, pattern_name, pattern_data, symbol, occurrences, successes,
                                                     failures, total_outcome, success_rate, confidence, last_seen, recognized_at)
                    SELECT '%1$s', (ARRAY['BREAKOUT','REVERSAL','MOMENTUM','MEAN_REVERSION'])[1 + i %% 4], 'pattern ' || i,
                           jsonb_build_object('features', %2$s), CASE WHEN i %% 3 = 0 THEN NULL ELSE 'SYM' || (i %% 50) END,
                           n, w, n - w, (w - (n - w)) * 0.01, CASE WHEN n = 0 THEN 0 ELSE round(w::numeric / n, 8) END,
                           round(w::numeric / (n + 4), 8), now() - make_interval(mins => i), now() - make_interval(days => 400) + make_interval(mins => i)
                    FROM (SELECT i, i %% 40 AS n, (i %% 40) * (40 + i %% 21) / 60 AS w FROM generate_series(1, 10000) AS i) g""".formatted(USER, features));
            System.out.printf("seeded 10,000 patterns (%.0f s)%n", (System.nanoTime() - started) / 1e9);
            s.execute("""
                    INSERT INTO ai_memory (user_id, memory_type, content, summary, features, symbol, strategy_id, learned_at,
                                           success_count, failure_count, outcome_count)
                    SELECT '%1$s', (ARRAY['FEEDBACK','OBSERVATION'])[1 + i %% 2], jsonb_build_object('text', 'lesson ' || i),
                           'lesson ' || i, %2$s, CASE WHEN i %% 2 = 0 THEN NULL ELSE 'SYM' || (i %% 50) END,
                           CASE WHEN i %% 3 = 0 THEN NULL ELSE 1 + i %% 5 END, now() - make_interval(mins => (100001 - i) * 10),
                           (i %% 9) / 2, (i %% 9) - (i %% 9) / 2, i %% 9
                    FROM generate_series(1, 100000) AS i""".formatted(USER, features));
            System.out.printf("seeded 100,000 lessons (%.0f s)%n", (System.nanoTime() - started) / 1e9);
            s.execute("""
                    INSERT INTO episodes (user_id, symbol, strategy_id, started_at, ended_at, entry, steps, exit, result, features)
                    SELECT '%1$s', 'SYM' || (i %% 50), 1 + i %% 5, now() - make_interval(mins => (100001 - i) * 10 + 120),
                           now() - make_interval(mins => (100001 - i) * 10), '{"price": 100}', '[]', '{"price": 101}',
                           round((random() - 0.5)::numeric * 0.1, 6), %2$s
                    FROM generate_series(1, 100000) AS i""".formatted(USER, features));
            System.out.printf("seeded 100,000 episodes (%.0f s)%n", (System.nanoTime() - started) / 1e9);
            s.execute("""
                    INSERT INTO outcome_credits (user_id, pattern_id, occurrences, wins, losses, outcome, credited_at)
                    SELECT user_id, id, occurrences, successes, failures, total_outcome, last_seen FROM pattern_recognition
                    WHERE user_id = '%1$s' AND occurrences > 0""".formatted(USER));
            s.execute("""
                    INSERT INTO outcome_credits (user_id, memory_id, occurrences, wins, losses, outcome, credited_at)
                    SELECT user_id, id, outcome_count, success_count, failure_count, 0, learned_at + interval '1 minute' FROM ai_memory
                    WHERE user_id = '%1$s' AND outcome_count > 0""".formatted(USER));
            s.execute("ANALYZE");
        }
    }

    static void run(Api agent, Api admin, String jdbc, String rebuild, Wrk wrk, String token, Path tableFile) throws Exception {
        JsonNode index = JSON.readTree(admin.get("/api/v1/admin/recall-index").body());
        for (int i = 0; i < 20; i++) {
            check(agent.post("/api/v1/sessions/" + SESSION + "/events", "{\"type\": \"note\", \"payload\": {\"step\": " + i + "}}"), 201);
        }
        System.out.println("the first GET /context after the start: it reads the lessons' and episodes' markets…");
        long firstStarted = System.nanoTime();
        check(agent.get("/api/v1/context?feature=rsi_14:55&feature=ret_5d:0.01&sessionId=" + SESSION), 200);
        double first = (System.nanoTime() - firstStarted) / 1e6;
        Map<String, String> approximately = Map.of("TOKEN", token, "EXACT", "false");
        System.out.println("warming up: recall for 20 s…");
        wrk.run("recall.lua", 1, 1, 20, approximately);
        System.out.println("recall, HNSW: one client, one call after the other, 30 s…");
        Wrk.Result hnsw = wrk.run("recall.lua", 1, 1, 30, approximately);
        System.out.println("recall, exact scan of the index: 15 s…");
        Wrk.Result exact = wrk.run("recall.lua", 1, 1, 15, Map.of("TOKEN", token, "EXACT", "true"));

        Map<String, String> context = Map.of("TOKEN", token, "SESSION", SESSION);
        System.out.println("warming up: GET /context for 20 s…");
        wrk.run("context.lua", 1, 1, 20, context);
        System.out.println("GET /context: one client, one call after the other, 30 s…");
        Wrk.Result contexts = wrk.run("context.lua", 1, 1, 30, context);

        // the same two calls as MCP tools (memory-service /mcp), one session, as an agent holds it
        String mcp = McpSession.open(wrk.url(), token);
        Wrk.Result mcpRecalls = mcpTool(wrk, token, mcp, "recall_similar_decisions", "{\"marketContext\": {\"features\": {\"rsi_14\": 50}}}");
        Wrk.Result mcpContexts = mcpTool(wrk, token, mcp, "get_agent_context", "{\"features\": {\"rsi_14\": 50}, \"sessionId\": \"" + SESSION + "\"}");

        System.out.println("recall@10: 200 queries, HNSW and exact…");
        MarketFeatures market = new MarketFeatures(7);
        int found = 0;
        List<Map<String, Double>> queries = new ArrayList<>();
        List<Set<Long>> exactIds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, Double> q = market.next();
            Set<Long> a = recall(agent, q, false);
            Set<Long> e = recall(agent, q, true);
            queries.add(q);
            exactIds.add(e);
            a.retainAll(e);
            found += a.size();
        }
        System.out.println("the same recall as a PostgreSQL scan: 5 queries…");
        List<Long> scan = new ArrayList<>();
        int agreeing = 0;
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                Set<Long> ids = scan(c, queries.get(i));
                scan.add(System.nanoTime() - t);
                agreeing += ids.equals(exactIds.get(i)) ? 1 : 0;
            }
        }
        // the JIT of two cores needs about a minute of ingest before the rate is the sustained one
        System.out.printf("warming up: ingest for %d s…%n", INGEST_WARMUP_SECONDS);
        wrk.run("decisions.lua", 2, CLIENTS, INGEST_WARMUP_SECONDS, Map.of("TOKEN", token));
        waitForOutbox(jdbc, System.currentTimeMillis());
        System.out.printf("ingest: %d connections over REST for %d s…%n", CLIENTS, INGEST_SECONDS);
        long ingestStarted = System.currentTimeMillis();
        Wrk.Result ingest = wrk.run("decisions.lua", 2, CLIENTS, INGEST_SECONDS, Map.of("TOKEN", token));
        double drained = waitForOutbox(jdbc, ingestStarted);
        System.out.printf("baseline: %d JDBC connections inserting the same rows for 10 s…%n", CLIENTS);
        double raw = insertOverJdbc(jdbc, 10);

        Stats pg = Stats.ofNanos(scan);
        Table table = new Table("measure", "result", "baseline in the same run", "ratio", "target")
                .row("recall over REST, HNSW, k=10: p50 / p95 / p99 (" + hnsw.ok() + " calls)",
                        ms(hnsw.p50()) + " / " + ms(hnsw.p95()) + " / " + ms(hnsw.p99()),
                        "PostgreSQL scan, median of " + pg.count() + ": " + ms(pg.median()),
                        Table.format(pg.median() / hnsw.p50()) + "× faster", "p95 ≤ 10 ms")
                .row("recall over REST, exact scan of the index: p50 / p95 (" + exact.ok() + " calls)",
                        ms(exact.p50()) + " / " + ms(exact.p95()), "HNSW p50: " + ms(hnsw.p50()),
                        Table.format(exact.p50() / hnsw.p50()) + "× slower", "")
                .row("GET /context over REST: recall, patterns, lessons, episodes, working memory (k=5): p50 / p95 / p99 ("
                                + contexts.ok() + " calls" + (contexts.failed() > 0 ? ", " + contexts.failed() + " failed" : "") + ")",
                        ms(contexts.p50()) + " / " + ms(contexts.p95()) + " / " + ms(contexts.p99()), "recall p50: " + ms(hnsw.p50()),
                        Table.format(contexts.p50() / hnsw.p50()) + "× recall", "p95 ≤ 20 ms")
                .row("recall through MCP (tools/call recall_similar_decisions), HNSW, k=10: p50 / p95 / p99 (" + mcpRecalls.ok() + " calls)",
                        ms(mcpRecalls.p50()) + " / " + ms(mcpRecalls.p95()) + " / " + ms(mcpRecalls.p99()), "over REST, p95: " + ms(hnsw.p95()),
                        Table.format(mcpRecalls.p95() / hnsw.p95()) + "× REST", "p95 ≤ 1.5× REST")
                .row("context through MCP (tools/call get_agent_context): p50 / p95 / p99 (" + mcpContexts.ok() + " calls)",
                        ms(mcpContexts.p50()) + " / " + ms(mcpContexts.p95()) + " / " + ms(mcpContexts.p99()),
                        "GET /context, p95: " + ms(contexts.p95()), Table.format(mcpContexts.p95() / contexts.p95()) + "× REST", "p95 ≤ 1.5× REST")
                .row("the first GET /context after a start (reads " + SEEDED_REST + ")", ms(first), "", "", "")
                .row("recall@10, HNSW against exact (200 queries)", Table.format(found / 2000.0), "", "", "≥ 0.95")
                .row("PostgreSQL scan returns the exact top 10", agreeing + " of " + scan.size(), "", "", "all")
                .row("ingest over REST, " + CLIENTS + " connections (decisions/s; p99)",
                        Table.format(ingest.perSecond()) + "; " + ms(ingest.p99()) + (ingest.failed() > 0 ? "; " + ingest.failed() + " failed" : ""),
                        "JDBC INSERT, " + CLIENTS + " connections: " + Table.format(raw) + "/s",
                        Table.format(ingest.perSecond() / raw), "≥ 2000/s")
                .row("… until every decision-made is published (decisions/s)", Table.format(ingest.ok() / drained), "", "", "≥ 2000/s")
                .row("recall index rebuilt from scratch (empty directory)", rebuild, "", "", "≤ 150 s at 1M")
                .row("decisions in the index before the ingest", index.path("decisions").asLong(), "", "", "");
        System.out.println();
        System.out.println(table);
        Files.writeString(tableFile, table.toString()); // the replicas' rows are added to it
    }

    /** A tool called through MCP as recall.lua and context.lua call its REST twin: checked once, warmed for 20 s, measured for 30 s. */
    private static Wrk.Result mcpTool(Wrk wrk, String token, String session, String tool, String probe) throws Exception {
        String answer = McpSession.call(wrk.url(), token, session, tool, probe);
        if (!answer.contains("\"result\"") || answer.contains("\"isError\":true")) {
            throw new IllegalStateException(tool + " through MCP answered: " + answer);
        }
        Map<String, String> env = Map.of("TOKEN", token, "MCP_SESSION", session, "TOOL", tool, "SESSION", SESSION);
        System.out.printf("warming up: %s through MCP for 20 s…%n", tool);
        wrk.run("mcp.lua", 1, 1, 20, env);
        System.out.printf("%s through MCP: one client, one call after the other, 30 s…%n", tool);
        return wrk.run("mcp.lua", 1, 1, 30, env);
    }

    /** Seconds from the start of the ingest until the outbox has nothing left to publish. */
    private static double waitForOutbox(String jdbc, long startedMillis) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
             PreparedStatement pending = c.prepareStatement("SELECT count(*) FROM outbox_events WHERE published_at IS NULL")) {
            while (true) {
                try (ResultSet rs = pending.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return (System.currentTimeMillis() - startedMillis) / 1000.0;
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    private static double insertOverJdbc(String jdbc, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int w = 0; w < CLIENTS; w++) {
            int worker = w;
            pool.submit(() -> {
                MarketFeatures market = new MarketFeatures(5000 + worker);
                try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                     PreparedStatement insert = c.prepareStatement("""
                             INSERT INTO decision_history (user_id, strategy_id, symbol, decision_type, confidence, market_context)
                             VALUES ('bench-raw', 1, ?, 'BUY', 0.6, ?::jsonb)""")) {
                    while (System.nanoTime() < end) {
                        insert.setString(1, "SYM" + worker);
                        insert.setString(2, "{\"features\": " + MarketFeatures.json(market.next()) + "}");
                        insert.executeUpdate();
                        done.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return done.get() / ((System.nanoTime() - t0) / 1e9);
    }

    private static void check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static Set<Long> recall(Api agent, Map<String, Double> features, boolean exact) {
        HttpResponse<String> r = agent.post("/api/v1/recall", "{\"marketContext\": {\"features\": "
                + MarketFeatures.json(features) + "}, \"k\": 10, \"exact\": " + exact + "}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("recall answered " + r.statusCode() + ": " + r.body());
        }
        try {
            Set<Long> ids = new HashSet<>();
            JSON.readTree(r.body()).path("decisions").forEach(d -> ids.add(d.path("decision").path("id").asLong()));
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Long> scan(Connection c, Map<String, Double> query) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM decision_history WHERE user_id = ? AND decided_at <= now() ORDER BY "
                + MarketFeatures.sqlSquaredDistance(query) + " LIMIT 10")) {
            s.setString(1, USER);
            Set<Long> ids = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static String ms(double millis) {
        return Table.format(millis) + " ms";
    }
}
