package io.finagent.cache;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-data-type rules of market data, analyses with maxAge, and the stampede rule, over the real Redis and PostgreSQL. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CacheRulesTest {

    private final TestDatabase db = new TestDatabase("finagent_cache_test");
    private final String user = "wes-" + UUID.randomUUID();
    // market data is shared: each test run takes its own symbol
    private final String symbol = "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

    @Test
    void eachMarketDataTypeLandsOnItsLevelWithItsTtl() {
        assertRule("realtime_price", "L1", Duration.ofSeconds(5));
        assertRule("daily_price", "L2", Duration.ofHours(1));
        assertRule("indicators", "L2", Duration.ofMinutes(30));
        assertRule("fundamentals", "L3", Duration.ofDays(1));
        assertRule("historical", "L3", Duration.ofDays(7));
        assertEquals(1, db.count("SELECT count(*) FROM market_data_cache WHERE symbol = ? AND data_type = 'historical' AND timeframe = '1d'", symbol));
        // the shortest one really goes
        await().atMost(Duration.ofSeconds(10)).until(() ->
                as().get("/api/v1/market-data/" + symbol + "/realtime_price?timeframe=1d").statusCode() == 404);
        as().body("1").put("/api/v1/market-data/" + symbol + "/tick_by_tick").then().statusCode(400).body("errors.field", hasItem("dataType"));
    }

    /**
     * market_data_cache is partitioned by month, with no unique index on the key: rewrites, one after
     * the other and at once, leave one row, holding the last value, in the month it was written in.
     */
    @Test
    void aMarketValueWrittenManyTimesIsOneRow() throws Exception {
        String path = "/api/v1/market-data/" + symbol + "/fundamentals";
        as().body(Map.of("pe", 1)).put(path).then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CyclicBarrier start = new CyclicBarrier(8);
            List<Future<Integer>> puts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int pe = 10 + i;
                puts.add(pool.submit(() -> {
                    start.await();
                    return as().body(Map.of("pe", pe)).put(path).statusCode();
                }));
            }
            for (Future<Integer> put : puts) {
                assertEquals(200, put.get());
            }
        } finally {
            pool.shutdownNow();
        }
        as().body(Map.of("pe", 99)).put(path).then().statusCode(200);
        assertEquals(List.of("{\"pe\": 99}"), db.strings("SELECT value::text FROM market_data_cache WHERE symbol = ? AND data_type = 'fundamentals'", symbol));
        assertEquals(List.of("true"), db.strings("SELECT (tableoid::regclass::text = 'market_data_cache' || to_char(created_at AT TIME ZONE 'UTC',"
                + " '\"_p\"YYYY\"_\"MM'))::text FROM market_data_cache WHERE symbol = ? AND data_type = 'fundamentals'", symbol));
    }

    @Test
    void aValueStoredWithoutATtlLivesTheDesignsHour() {
        Instant before = Instant.now();
        as().body(Map.of("v", 1)).put("/api/v1/cache/ttl-default-" + symbol).then().statusCode(200);
        Instant expiresAt = Instant.parse(as().get("/api/v1/cache/ttl-default-" + symbol).then().statusCode(200).extract().header("X-Cache-Expires-At"));
        assertTrue(!expiresAt.isBefore(before.plusSeconds(3599)) && !expiresAt.isAfter(Instant.now().plusSeconds(3600)), "expires at " + expiresAt);
    }

    @Test
    void anAnalysisOlderThanMaxAgeIsNotReturned() throws InterruptedException {
        as().body(Map.of("signal", "BUY", "score", 0.8)).put("/api/v1/analyses/" + symbol + "/momentum").then().statusCode(200);
        as().get("/api/v1/analyses/" + symbol + "/momentum?maxAge=60").then().statusCode(200).header("X-Cache-Level", "L2");
        Thread.sleep(2100);
        as().get("/api/v1/analyses/" + symbol + "/momentum?maxAge=1").then().statusCode(404).contentType("application/problem+json");
        as().get("/api/v1/analyses/" + symbol + "/momentum?maxAge=60").then().statusCode(200);
        as("xan-" + UUID.randomUUID()).get("/api/v1/analyses/" + symbol + "/momentum").then().statusCode(404)
                .body("detail", containsString("younger than 3600 s")); // the design's default maxAge
        as().get("/api/v1/analyses/" + symbol + "/momentum").then().statusCode(200);
        as().get("/api/v1/analyses/" + symbol + "/momentum?maxAge=0").then().statusCode(400).body("errors.field", hasItem("maxAge"));
    }

    @Test
    void twoHundredConcurrentMissesOnOneKeyCauseExactlyOneLoad() throws Exception {
        List<String> outcomes = concurrently(200, "/api/v1/market-data/" + symbol + "/daily_price?timeframe=1d&lease=true", true);
        Map<String, Long> counted = outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        assertEquals(Map.of("loaded", 1L, "served", 199L), counted);
    }

    @Test
    void whenTheLeaseLapsesTheWaitersMiss() throws Exception {
        Instant start = Instant.now();
        List<String> outcomes = concurrently(3, "/api/v1/cache/never-loaded?lease=true", false);
        assertEquals(1, outcomes.stream().filter("leased"::equals).count());
        assertEquals(2, outcomes.stream().filter("missed"::equals).count());
        assertTrue(Duration.between(start, Instant.now()).toMillis() >= 4900, "the others waited for the lease (5 s)");
    }

    /** Each caller GETs; the one given the lease loads (PUTs) if {@code load}; returns loaded, leased, served or missed per caller. */
    private List<String> concurrently(int callers, String path, boolean load) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        String token = Tokens.bearer(Tokens.agent(user)); // signed once: the callers are to start together, not sign 200 tokens
        CyclicBarrier start = new CyclicBarrier(callers);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> {
                    RequestSpecification request = given().header("Authorization", token).contentType("application/json");
                    start.await();
                    ExtractableResponse<Response> r = request.get(path).then().extract();
                    String lease = r.header("X-Cache-Lease");
                    if (r.statusCode() == 200) {
                        return "served";
                    }
                    if (lease == null) {
                        return "missed";
                    }
                    if (!load) {
                        return "leased";
                    }
                    given().header("Authorization", token).contentType("application/json").body("{\"close\": 101.5}").put(path.replace("&lease=true", "").replace("?lease=true", "")).then().statusCode(200);
                    return "loaded";
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertRule(String dataType, String level, Duration ttl) {
        String path = "/api/v1/market-data/" + symbol + "/" + dataType + "?timeframe=1d";
        Instant before = Instant.now();
        as().body("{\"v\": 1}").put(path).then().statusCode(200).body("levels", hasItem(level));
        ExtractableResponse<Response> read = as().get(path).then().statusCode(200).extract();
        assertEquals(level, read.header("X-Cache-Level"), dataType + " is read from " + level);
        Instant expiresAt = Instant.parse(read.header("X-Cache-Expires-At"));
        assertTrue(!expiresAt.isBefore(before.plus(ttl).minusSeconds(1)) && !expiresAt.isAfter(Instant.now().plus(ttl)),
                dataType + " lives " + ttl + ": expires at " + expiresAt);
        // shared: another user reads the same entry
        as("yara-" + UUID.randomUUID()).get(path).then().statusCode(200);
    }

    private RequestSpecification as() {
        return as(user);
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json");
    }
}
