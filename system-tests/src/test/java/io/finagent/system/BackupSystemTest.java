package io.finagent.system;

import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backups of the cluster, end to end: the four packaged services with data on their own fresh
 * databases and a packaged backup-service that reads their admin exports over HTTP. A FULL
 * backup, then inserts (API), updates and deletes (JDBC), an INCREMENTAL, more changes, every
 * backed-up table wiped, and a restore of the INCREMENTAL's chain gives back exactly the state
 * it was taken at; the disaster drill (every store wiped, the archive directory and key alone);
 * a CONFIGURATION backup holds strategy-service's settings and tables.
 */
class BackupSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("finagent.repo.root", "..")).toAbsolutePath().normalize();
    private static final Map<String, String> DATABASES = new LinkedHashMap<>();
    /** Each service's incoming channels, moved to topics nobody writes to (below). */
    private static final Map<String, List<String>> CHANNELS = Map.of(
            "memory-service", List.of("outcome-measured"),
            "portfolio-service", List.of("decision-made", "strategy-changed"),
            "strategy-service", List.of("decision-made", "outcome-measured"),
            "backup-service", List.of("strategy-changed"));
    private static final Pattern EXPORTED = Pattern.compile("^finagent\\.export\\.tables\\.(\\w+)=(.+)$");
    private static final Map<String, RunningService> SERVICES = new LinkedHashMap<>();
    private static final String USER = "backup-" + UUID.randomUUID();
    private static final Path ARCHIVES = ROOT.resolve("system-tests/target/backup-system");
    private static final Instant DRILL_DAY = Instant.parse("2026-11-02T10:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        DATABASES.put("memory-service", "finagent_memory_backup_system");
        DATABASES.put("portfolio-service", "finagent_portfolio_backup_system");
        DATABASES.put("strategy-service", "finagent_strategy_backup_system");
        DATABASES.put("cache-service", "finagent_cache_backup_system");
        DATABASES.put("backup-service", "finagent_backup_backup_system");
    }

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure.ensureRunning();
        deleteRecursively(ARCHIVES);
        for (String service : DATABASES.keySet()) {
            TestInfrastructure.freshDatabase(service, DATABASES.get(service));
        }
        startAll();
    }

    /** The five services on their databases, backup-service last (it is given the others' URLs). */
    private static void startAll() throws IOException, InterruptedException {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String service : DATABASES.keySet()) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("FINAGENT_DB_NAME", DATABASES.get(service));
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrap());
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", RunningService.testPublicKey(ROOT));
            env.put("FINAGENT_CONSUMER_GROUP", service + "-backup-system");
            // The shared broker's topics hold every earlier run's events, and other builds publish
            // to them while this test runs: consumed here, they would change the backed-up tables
            // between a backup and the state it is compared with. Nothing is published to these.
            for (String channel : CHANNELS.getOrDefault(service, List.of())) {
                env.put("MP_MESSAGING_INCOMING_" + channel.toUpperCase().replace('-', '_') + "_TOPIC", "backup-system-isolated." + channel);
            }
            switch (service) {
                case "portfolio-service" -> {
                    env.put("FINAGENT_QUESTDB_HTTP_URL", TestInfrastructure.ports().questDbHttpUrl());
                    env.put("FINAGENT_QUESTDB_PG_PORT", String.valueOf(TestInfrastructure.ports().questDbPg()));
                }
                case "memory-service" -> {
                    env.put("FINAGENT_REDIS_URL", "redis://127.0.0.1:" + TestInfrastructure.redisPort());
                    env.put("FINAGENT_WORKING_MEMORY_REDIS_PREFIX", "finagent-backup-system:wm:");
                }
                case "cache-service" -> {
                    env.put("FINAGENT_REDIS_URL", "redis://127.0.0.1:" + TestInfrastructure.redisPort());
                    env.put("FINAGENT_CACHE_REDIS_PREFIX", "finagent-backup-system:cache:");
                }
                case "backup-service" -> {
                    env.put("FINAGENT_BACKUP_DIRECTORY", ARCHIVES.resolve("archives").toString());
                    env.put("FINAGENT_BACKUP_KEY_FILE", ARCHIVES.resolve("backup.key").toString());
                    env.put("FINAGENT_BACKUP_SERVICE_TOKEN", Tokens.admin("backup-service"));
                    // the map finagent.backup.services.<name>: each entry of the prod profile, moved to this test's ports
                    urls.forEach((name, url) -> env.put("FINAGENT_BACKUP_SERVICES_" + name.toUpperCase().replace('-', '_'), url));
                    for (String schedule : List.of("FULL", "INCREMENTAL", "RETENTION")) {
                        env.put("FINAGENT_BACKUP_SCHEDULE_" + schedule, "off");
                    }
                }
                default -> {
                }
            }
            RunningService running = RunningService.start(ROOT, service, env);
            SERVICES.put(service, running);
            urls.put(service, running.url());
        }
        for (RunningService service : SERVICES.values()) {
            service.awaitReady(Duration.ofSeconds(180));
        }
    }

    /** All at once: each takes seconds to leave its Kafka group. */
    @AfterAll
    static void stopServices() throws InterruptedException {
        stopAll();
    }

    private static void stopAll() throws InterruptedException {
        List<Thread> stopping = new ArrayList<>();
        for (RunningService service : SERVICES.values()) {
            Thread stop = new Thread(() -> {
                try {
                    service.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stop.start();
            stopping.add(stop);
        }
        for (Thread stop : stopping) {
            stop.join();
        }
    }

    @Test
    void aRestoreOfAnIncrementalGivesBackEveryServicesTablesAsTheyWereAtIt() {
        // data through the public APIs
        long kept = decision("AAPL", "BUY");
        long deleted = decision("MSFT", "SELL");
        as(SERVICES.get("memory-service")).body(Map.of("memoryType", "OBSERVATION", "content", Map.of("note", "AAPL gaps up on earnings"),
                "summary", "earnings gap")).post("/api/v1/memories").then().statusCode(201);
        long strategy = strategy("momentum", Map.of("rsi", 14));
        long dropped = strategy("dropped", Map.of("rsi", 7));
        long userId = admin(SERVICES.get("portfolio-service")).body(Map.of("subject", USER, "username", USER))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        as(SERVICES.get("portfolio-service")).body(Map.of("maxPositionFraction", 0.1))
                .put("/api/v1/users/" + userId + "/settings/risk").then().statusCode(201);
        long portfolio = as(SERVICES.get("portfolio-service")).body(Map.of("name", "paper", "initialCapital", 10000))
                .post("/api/v1/portfolios").then().statusCode(201).extract().jsonPath().getLong("id");
        trade(portfolio, "BUY", "AAPL", 10, 150);
        cache("quote:AAPL", 150);
        cache("quote:MSFT", 300);

        long full = backup("FULL");

        // changes the incremental must carry: inserts through the APIs, updates and deletes in the databases
        long added = decision("NVDA", "HOLD");
        one("memory-service", "UPDATE decision_history SET reasoning = 'revised after the full backup' WHERE id = ? RETURNING id", kept);
        one("memory-service", "DELETE FROM decision_history WHERE id = ? RETURNING id", deleted);
        as(SERVICES.get("strategy-service")).body(Map.of("name", "momentum", "type", "TECHNICAL", "config", Map.of("rsi", 21), "changelog", "slower"))
                .put("/api/v1/strategies/" + strategy).then().statusCode(200);
        one("strategy-service", "DELETE FROM strategies WHERE id = ? RETURNING id", dropped);
        trade(portfolio, "SELL", "AAPL", 4, 160);
        one("portfolio-service", "UPDATE portfolios SET description = 'changed after the full backup' WHERE id = ? RETURNING id", portfolio);
        cache("quote:NVDA", 900);
        one("cache-service", "UPDATE cache_entries SET value = '{\"price\": 151}' WHERE user_id = ? AND cache_key LIKE '%quote:AAPL' RETURNING id", USER);
        one("cache-service", "DELETE FROM cache_entries WHERE user_id = ? AND cache_key LIKE '%quote:MSFT' RETURNING id", USER);
        one("cache-service", "INSERT INTO symbols_metadata (symbol, name, exchange) VALUES (?, 'Apple Inc.', 'NASDAQ') RETURNING id", "AAPL");
        Map<String, String> atIncremental = state();

        long incremental = backup("INCREMENTAL");
        assertEquals(full, admin(SERVICES.get("backup-service")).get("/api/v1/backups/" + incremental).then().extract().jsonPath().getLong("parentId"));

        // changes after it, which the restore must undo
        long later = decision("TSLA", "BUY");
        one("memory-service", "UPDATE decision_history SET reasoning = 'changed after the incremental' WHERE id = ? RETURNING id", added);
        one("strategy-service", "UPDATE strategies SET description = 'changed after the incremental' WHERE id = ? RETURNING id", strategy);
        trade(portfolio, "BUY", "MSFT", 1, 310);
        cache("quote:TSLA", 250);
        one("cache-service", "DELETE FROM symbols_metadata WHERE symbol = ? RETURNING id", "AAPL");

        // every backed-up table of every service wiped
        for (String service : serviceNames()) {
            new TestDatabase(DATABASES.get(service)).execute("TRUNCATE " + String.join(", ", exportedTables(service).keySet()) + " CASCADE");
        }

        JsonPath restore = admin(SERVICES.get("backup-service")).body(Map.of("backupId", incremental))
                .post("/api/v1/restores").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(full, incremental), restore.getList("chain", Long.class));
        assertEquals(serviceNames(), restore.getMap("services").keySet().stream().sorted().toList());
        Map<String, String> restored = state();
        for (String service : serviceNames()) {
            assertEquals(atIncremental.get(service), restored.get(service), service + "'s tables after the restore");
        }
        // and the services serve what was restored
        assertEquals("revised after the full backup", as(SERVICES.get("memory-service")).get("/api/v1/decisions/" + kept)
                .then().statusCode(200).extract().path("reasoning"));
        as(SERVICES.get("memory-service")).get("/api/v1/decisions/" + deleted).then().statusCode(404);
        as(SERVICES.get("memory-service")).get("/api/v1/decisions/" + later).then().statusCode(404);
        assertEquals(2, as(SERVICES.get("strategy-service")).get("/api/v1/strategies/" + strategy).then().statusCode(200)
                .extract().jsonPath().getInt("currentVersion"));
    }

    /**
     * The disaster drill: data in every service and in the series, a FULL and two INCREMENTALs;
     * then every database (the catalogue's included), QuestDB's series and Redis are wiped and the
     * services start again on empty stores; one call, with the archive directory and its key file
     * alone, brings back every row and every series point as the last backup had them, and the
     * services serve them: the same equity curve, a recall that finds the restored decisions.
     */
    @Test
    void aDisasterDrillBringsTheWholeClusterBackFromTheArchiveDirectoryAndItsKeyAlone() throws Exception {
        long opened = decision("AMD", "BUY");
        long strategy = strategy("drill", Map.of("rsi", 9));
        long portfolio = as(SERVICES.get("portfolio-service")).body(Map.of("name", "drill", "initialCapital", 5000))
                .post("/api/v1/portfolios").then().statusCode(201).extract().jsonPath().getLong("id");
        trade(portfolio, "BUY", "AMD", 5, 100);
        price("AMD", "101.25", DRILL_DAY);
        cache("quote:AMD", 100);
        long full = backup("FULL");
        long closed = decision("AMD", "SELL");
        trade(portfolio, "SELL", "AMD", 2, 105);
        price("AMD", "104.50000001", DRILL_DAY.plusSeconds(3600));
        cache("quote:INTC", 30);
        long first = backup("INCREMENTAL");
        as(SERVICES.get("strategy-service")).body(Map.of("name", "drill", "type", "TECHNICAL", "config", Map.of("rsi", 10), "changelog", "faster"))
                .put("/api/v1/strategies/" + strategy).then().statusCode(200);
        price("AMD", "99.75", DRILL_DAY.plusSeconds(7200));
        long last = backup("INCREMENTAL");
        Map<String, String> atLast = state();
        awaitSeriesWritten();
        String pricesQuery = "SELECT symbol, owner, price, ts FROM prices WHERE owner = '" + USER + "' ORDER BY ts";
        String valuesQuery = "SELECT portfolio, value, cash, ts FROM portfolio_values WHERE portfolio = '" + portfolio + "' ORDER BY ts";
        await().atMost(Duration.ofSeconds(30)).until(() -> questDb(pricesQuery).contains("99.75"));
        String prices = questDb(pricesQuery);
        String values = questDb(valuesQuery);
        String curve = history(portfolio);
        long lost = decision("AMD", "HOLD"); // after the last backup: lost with the disaster

        // the disaster: every database, the series, Redis
        stopAll();
        for (String service : DATABASES.keySet()) {
            TestInfrastructure.freshDatabase(service, DATABASES.get(service));
        }
        questDb("DROP TABLE IF EXISTS prices");
        questDb("DROP TABLE IF EXISTS portfolio_values");
        flushRedis();
        startAll();

        JsonPath restored = admin(SERVICES.get("backup-service")).body(Map.of("fromArchives", true))
                .post("/api/v1/restores").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(full, first, last), restored.getList("chain", Long.class));
        assertTrue(restored.getList("catalogue.added", Long.class).containsAll(List.of(full, first, last)), restored.prettify());
        Map<String, String> after = state();
        for (String service : serviceNames()) {
            assertEquals(atLast.get(service), after.get(service), service + "'s tables after the drill");
        }
        awaitSeriesWritten();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(prices, questDb(pricesQuery));
            assertEquals(values, questDb(valuesQuery));
        });

        // and the services serve it
        assertEquals(curve, history(portfolio));
        as(SERVICES.get("memory-service")).get("/api/v1/decisions/" + lost).then().statusCode(404);
        await("the recall index rebuilt after the restore").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Long> recalled = as(SERVICES.get("memory-service")).body(Map.of("marketContext", Map.of("features", Map.of("rsi_14", 61.5, "ret_5d", 0.02)),
                    "symbol", "AMD")).post("/api/v1/recall").then().statusCode(200).extract().jsonPath().getList("decisions.decision.id", Long.class);
            assertTrue(recalled.containsAll(List.of(opened, closed)), "recalled " + recalled);
        });
        assertEquals(2, as(SERVICES.get("strategy-service")).get("/api/v1/strategies/" + strategy).then().statusCode(200)
                .extract().jsonPath().getInt("currentVersion"));
    }

    /** Every point recorded, and every point a restore brought back, is in QuestDB. */
    private static void awaitSeriesWritten() {
        TestDatabase portfolio = new TestDatabase(DATABASES.get("portfolio-service"));
        await("the series written").atMost(Duration.ofSeconds(60)).until(() -> portfolio.count("SELECT (SELECT count(*) FROM series_backlog"
                + " WHERE sent_at IS NULL) + (SELECT count(*) FROM series_restores) + (SELECT count(*) FROM series_resets)") == 0);
    }

    /** QuestDB's CSV of a query ({@code /exp}), or the answer of a statement ({@code /exec}). */
    private static String questDb(String sql) throws IOException, InterruptedException {
        String endpoint = sql.startsWith("SELECT") ? "/exp" : "/exec";
        URI uri = URI.create(TestInfrastructure.ports().questDbHttpUrl() + endpoint + "?query="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), sql + ": " + response.body());
        return response.body().strip();
    }

    /** The run's own Redis (working memory, the cache's L2) loses everything. */
    private static void flushRedis() throws IOException {
        try (Socket redis = new Socket("127.0.0.1", TestInfrastructure.redisPort())) {
            redis.getOutputStream().write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[5];
            assertEquals(5, redis.getInputStream().readNBytes(reply, 0, 5));
            assertEquals("+OK\r\n", new String(reply, StandardCharsets.US_ASCII));
        }
    }

    private static void price(String symbol, String price, Instant at) {
        as(SERVICES.get("portfolio-service")).body(Map.of("at", at.toString(), "prices", List.of(Map.of("symbol", symbol, "price", new BigDecimal(price)))))
                .post("/api/v1/prices").then().statusCode(200);
    }

    /** The portfolio's equity curve, day by day, as the service answers it (its points). */
    private static String history(long portfolio) {
        return as(SERVICES.get("portfolio-service")).queryParam("from", DRILL_DAY.minusSeconds(86400).toString())
                .queryParam("to", Instant.now().plusSeconds(86400).toString()).queryParam("interval", "1d")
                .get("/api/v1/portfolios/" + portfolio + "/history").then().statusCode(200).extract().jsonPath().getList("points").toString();
    }

    @Test
    void aConfigurationBackupHoldsStrategyServicesSettingsAndTables() {
        strategy("configured", Map.of("risk", Map.of("maxDrawdown", 0.1)));
        long id = backup("CONFIGURATION");
        List<String> entries = admin(SERVICES.get("backup-service")).get("/api/v1/backups/" + id)
                .then().statusCode(200).extract().jsonPath().getList("entries.name", String.class);
        for (String entry : List.of("strategy-service/configuration.json", "strategy-service/strategies.csv", "strategy-service/strategy_versions.csv")) {
            assertTrue(entries.contains(entry), entry + " in " + entries);
        }
    }

    /**
     * The alert rules and dashboards are only as good as the names they query: every metric they
     * read must be exported by a running service, once the cluster has seen a little traffic.
     */
    @Test
    void everyMetricTheAlertRulesAndDashboardsReadIsExported() {
        long id = decision("METRICS", "BUY");
        as(SERVICES.get("memory-service")).body(Map.of("marketContext", Map.of("features", Map.of("rsi_14", 60))))
                .post("/api/v1/recall").then().statusCode(200);
        as(SERVICES.get("cache-service")).get("/api/v1/cache/metrics-absent").then().statusCode(404);
        TestDatabase memory = new TestDatabase(DATABASES.get("memory-service"));
        await("decision " + id + " published").atMost(Duration.ofSeconds(30)).until(() -> memory.count(
                "SELECT count(*) FROM outbox_events WHERE event_key = ? AND published_at IS NOT NULL", String.valueOf(id)) == 1);

        Set<String> queried = MonitoredMetrics.of(ROOT);
        assertTrue(queried.size() > 10, "the rules and dashboards query " + queried);
        // Kafka clients' per-topic meters appear at Micrometer's next look at the client (each minute)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
                assertEquals(Set.of(), unexported(queried), "queried by rules or dashboards, exported by no service"));
    }

    private static Set<String> unexported(Set<String> queried) {
        Set<String> missing = new TreeSet<>(queried);
        missing.remove("up"); // Prometheus' own, per target
        SERVICES.values().forEach(service -> missing.removeAll(sampleNames(service)));
        return missing;
    }

    private static Set<String> sampleNames(RunningService service) {
        String body = given().baseUri(service.url()).get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> names = new TreeSet<>();
        body.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    /** Requests a backup and waits for it: it must complete. */
    private static long backup(String type) {
        RunningService backups = SERVICES.get("backup-service");
        JsonPath requested = admin(backups).body(Map.of("type", type)).post("/api/v1/backups").then().statusCode(202).extract().jsonPath();
        long id = requested.getLong("id");
        // in the order they are archived: memory-service, the largest, last (its import runs alongside the others')
        List<String> archiveOrder = new java.util.ArrayList<>(serviceNames());
        archiveOrder.remove("memory-service");
        archiveOrder.add("memory-service");
        assertEquals(archiveOrder, requested.getList("services", String.class), "the services of backup " + id);
        await(type + " backup " + id).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                List.of("COMPLETED", "FAILED").contains(admin(backups).get("/api/v1/backups/" + id).then().extract().<String>path("status")));
        JsonPath done = admin(backups).get("/api/v1/backups/" + id).then().extract().jsonPath();
        assertEquals("COMPLETED", done.getString("status"), type + " backup " + id + ": " + done.getString("error"));
        return id;
    }

    private static long decision(String symbol, String type) {
        return as(SERVICES.get("memory-service")).body("""
                        {"strategyId": 11, "symbol": "%s", "decisionType": "%s", "confidence": 0.8,
                         "marketContext": {"features": {"rsi_14": 61.5, "ret_5d": 0.02}}, "horizonMinutes": 30}""".formatted(symbol, type))
                .post("/api/v1/decisions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long strategy(String name, Map<String, Object> config) {
        return as(SERVICES.get("strategy-service")).body(Map.of("name", name, "type", "TECHNICAL", "config", config, "defaultHorizonMinutes", 60))
                .post("/api/v1/strategies").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void trade(long portfolio, String type, String symbol, int quantity, int price) {
        as(SERVICES.get("portfolio-service")).body(Map.of("type", type, "symbol", symbol, "quantity", quantity, "price", price))
                .post("/api/v1/portfolios/" + portfolio + "/transactions").then().statusCode(201);
    }

    /** A key of the user's in L3 (PostgreSQL), the level backups hold, for a day. */
    private static void cache(String key, int price) {
        as(SERVICES.get("cache-service")).body(Map.of("price", price)).put("/api/v1/cache/" + key + "?levels=L3&ttl=86400").then().statusCode(200);
    }

    /** A statement in a service's database that must touch exactly one row. */
    private static void one(String service, String sql, Object arg) {
        assertEquals(1, new TestDatabase(DATABASES.get(service)).strings(sql, arg).size(), sql);
    }

    /** Per service, every backed-up table's rows as PostgreSQL prints them, in key order. */
    private static Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String service : serviceNames()) {
            TestDatabase db = new TestDatabase(DATABASES.get(service));
            StringBuilder rows = new StringBuilder();
            exportedTables(service).forEach((table, keys) -> rows.append(table).append(":\n")
                    .append(String.join("\n", db.strings("SELECT " + rowText(table) + " FROM " + table + " t ORDER BY " + keys))).append('\n'));
            state.put(service, rows.toString());
        }
        return state;
    }

    /**
     * A row as PostgreSQL prints it; a point of portfolio-service's series log without its sent
     * mark, which is the flusher's delivery state (a restore sends every point again), not data.
     */
    private static String rowText(String table) {
        return table.equals("series_backlog") ? "(t.id, t.line, t.symbol, t.created_at)::text" : "t::text";
    }

    /** The backed-up services, as backup-service names them (sorted). */
    private static List<String> serviceNames() {
        return DATABASES.keySet().stream().filter(s -> !s.equals("backup-service")).sorted().toList();
    }

    /** {@code finagent.export.tables.<table>=<key columns>} of the service's application.properties. */
    private static Map<String, String> exportedTables(String service) {
        Map<String, String> tables = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
                Matcher m = EXPORTED.matcher(line.trim());
                if (m.matches()) {
                    tables.put(m.group(1), m.group(2).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(!tables.isEmpty(), service + " exports no tables");
        return tables;
    }

    private static RequestSpecification as(RunningService service) {
        return given().baseUri(service.url()).header("Authorization", Tokens.bearer(Tokens.agent(USER))).contentType("application/json");
    }

    private static RequestSpecification admin(RunningService service) {
        return given().baseUri(service.url()).header("Authorization", Tokens.bearer(Tokens.admin("system-test-admin"))).contentType("application/json");
    }


    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
