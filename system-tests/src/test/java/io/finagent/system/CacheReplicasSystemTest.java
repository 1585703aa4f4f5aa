package io.finagent.system;

import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged cache-service replicas on one Redis and one database: what one writes or
 * invalidates leaves the other's L1 (process memory) within a second, through Redis pub/sub.
 */
class CacheReplicasSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("finagent.repo.root", "..")).toAbsolutePath().normalize();
    private static RunningService a;
    private static RunningService b;

    @BeforeAll
    static void startReplicas() throws Exception {
        TestInfrastructure.ensureRunning();
        TestInfrastructure.freshDatabase("cache-service", "finagent_cache_system");
        Map<String, String> env = Map.of(
                "FINAGENT_DB_NAME", "finagent_cache_system",
                "FINAGENT_REDIS_URL", "redis://127.0.0.1:" + TestInfrastructure.redisPort(),
                "FINAGENT_CACHE_REDIS_PREFIX", "finagent-system:cache:",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", RunningService.testPublicKey(ROOT));
        a = RunningService.start(ROOT, "cache-service", env);
        b = RunningService.start(ROOT, "cache-service", env);
        a.awaitReady(Duration.ofSeconds(120));
        b.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopReplicas() throws InterruptedException {
        for (RunningService replica : List.of(a, b)) {
            if (replica != null) {
                replica.close();
            }
        }
    }

    @Test
    void aWriteOrAnInvalidationOnOneReplicaLeavesTheOthersMemoryWithinASecond() {
        String user = "rep-" + UUID.randomUUID();
        as(user, a).body("\"v1\"").put("/api/v1/cache/quote:AAPL?levels=L1,L2").then().statusCode(200);
        assertEquals("L2", as(user, b).get("/api/v1/cache/quote:AAPL").then().statusCode(200).extract().header("X-Cache-Level"));
        assertInLevelOneOf(b, user, "/api/v1/cache/quote:AAPL");

        as(user, a).body("\"v2\"").put("/api/v1/cache/quote:AAPL?levels=L1,L2").then().statusCode(200);
        assertWithinASecond(() -> "\"v2\"".equals(as(user, b).get("/api/v1/cache/quote:AAPL").then().extract().asString()));

        as(user, b).get("/api/v1/cache/quote:AAPL").then().statusCode(200); // in b's L1 again
        as(user, a).body(Map.of("pattern", "quote:*")).post("/api/v1/cache/invalidate").then().statusCode(200);
        assertWithinASecond(() -> as(user, b).get("/api/v1/cache/quote:AAPL").then().extract().statusCode() == 404);
    }

    /** The cache's controls reach every replica: market data deleted and invalidated, an analysis invalidated, a symbol replaced. */
    @Test
    void theControlsOfMarketDataAnalysesAndSymbolsReachEveryReplicaWithinASecond() {
        String user = "ctl-" + UUID.randomUUID();
        String symbol = "Z" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String price = "/api/v1/market-data/" + symbol + "/daily_price";
        as(user, a).body("{\"close\": 1.5}").put(price).then().statusCode(200);
        assertInLevelOneOf(b, user, price);
        as(user, a).delete(price).then().statusCode(204);
        assertWithinASecond(() -> as(user, b).get(price).then().extract().statusCode() == 404);

        String fundamentals = "/api/v1/market-data/" + symbol + "/fundamentals";
        as(user, a).body("{\"pe\": 21}").put(fundamentals).then().statusCode(200);
        assertInLevelOneOf(b, user, fundamentals);
        as(user, a).body(Map.of("pattern", symbol + ":*")).post("/api/v1/market-data/invalidate").then().statusCode(200);
        assertWithinASecond(() -> as(user, b).get(fundamentals).then().extract().statusCode() == 404);

        String analysis = "/api/v1/analyses/" + symbol + "/momentum";
        as(user, a).body("{\"signal\": \"buy\"}").put(analysis).then().statusCode(200);
        assertInLevelOneOf(b, user, analysis);
        as(user, a).body(Map.of("pattern", symbol + ":*")).post("/api/v1/analyses/invalidate").then().statusCode(200);
        assertWithinASecond(() -> as(user, b).get(analysis).then().extract().statusCode() == 404);

        String reference = "/api/v1/symbols/" + symbol;
        asAdmin(a).body(Map.of("name", "First name", "exchange", "XNYS")).put(reference).then().statusCode(200);
        assertInLevelOneOf(b, user, reference);
        asAdmin(a).body(Map.of("name", "Second name", "exchange", "XNYS")).put(reference).then().statusCode(200);
        assertWithinASecond(() -> "Second name".equals(as(user, b).get(reference).then().extract().path("name")));
    }

    /**
     * Read on the replica until its own memory answers: the write's notice to the other replicas
     * travels on its own, and may drop a copy a read made before it arrived.
     */
    private static void assertInLevelOneOf(RunningService replica, String user, String path) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> "L1".equals(as(user, replica).get(path).then().statusCode(200).extract().header("X-Cache-Level")));
    }

    private static RequestSpecification asAdmin(RunningService replica) {
        return given().baseUri(replica.url()).header("Authorization", Tokens.bearer(Tokens.admin("ops"))).contentType("application/json");
    }

    private static void assertWithinASecond(Callable<Boolean> condition) {
        Instant start = Instant.now();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(condition);
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "took " + took);
    }

    private static RequestSpecification as(String user, RunningService replica) {
        return given().baseUri(replica.url()).header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json");
    }
}
