package io.finagent.cache;

import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.level.SharedLevel;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Redis stopped mid-test (the run's own Redis): the file cache stands in for L2 and nothing fails; then Redis again. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RedisOutageTest {

    private static final String REDIS = "finagent-test:cache:v2:";

    @Inject
    RedisDataSource redis;

    @Inject
    CacheConfig config;

    @Inject
    SharedLevel l2;

    private final TestDatabase db = new TestDatabase("finagent_cache_test");

    private final String user = "zed-" + UUID.randomUUID();

    @Test
    void whileRedisIsDownTheFileCacheServesAndNothingFailsThenRedisServesAgain() {
        put("in-l3", "?levels=L3", "3");
        put("doomed", "?levels=L2", "\"old\"");
        readsFromRedis("before");
        TestInfrastructure.stopRedis();
        try {
            put("during", "?levels=L2", "{\"written\": \"while Redis was down\"}");
            as().get("/api/v1/cache/during").then().statusCode(200).header("X-Cache-Level", "L2");
            as().get("/api/v1/cache/in-l3").then().statusCode(200).header("X-Cache-Level", "L3");
            as().get("/api/v1/cache/in-l3").then().statusCode(200).header("X-Cache-Level", "L1");
            as().delete("/api/v1/cache/doomed").then().statusCode(204);
            as().body(Map.of("pattern", "nothing-*")).post("/api/v1/cache/invalidate").then().statusCode(200);
            as().get("/api/v1/cache/missing?lease=true").then().statusCode(404).header("X-Cache-Lease", notNullValue());
            as().get("/api/v1/cache/stats").then().statusCode(200);
            as().get("/api/v1/market-data/ZZZ/daily_price").then().statusCode(404);
        } finally {
            TestInfrastructure.startRedis();
        }
        // the probe finds Redis and copies in what was written meanwhile
        await().atMost(Duration.ofSeconds(30)).until(() -> redis.value(String.class).get(REDIS + id("during")) != null);
        put("after", "?levels=L2", "\"back\"");
        assertEquals(true, redis.value(String.class).get(REDIS + id("after")).endsWith(":\"back\""));
        readsFromRedis("after"); // the read connections died with Redis: each opens again
        as().get("/api/v1/cache/during").then().statusCode(200);
        assertNull(redis.value(String.class).get(REDIS + id("doomed")));
        as().get("/api/v1/cache/doomed").then().statusCode(404);
    }

    /**
     * Nothing stored behind an error, with a level that fails for real: Redis stopped, and the
     * file cache's directory made a plain file, so every L2 call fails. A write is refused before
     * it reaches L3 (which keeps the value it had); a read finds L3 and answers, its copy into L2
     * failing on the side.
     */
    @Test
    void aWriteThatCannotReachEveryLevelChangesNoneAndAReadStillFindsL3() throws Exception {
        put("kept", "?levels=L3", "1");
        Path files = Path.of(config.fallbackDir());
        Path aside = files.resolveSibling(files.getFileName() + "-aside-" + UUID.randomUUID());
        TestInfrastructure.stopRedis();
        try {
            if (Files.exists(files)) {
                Files.move(files, aside);
            }
            Files.writeString(files, "not a directory");

            as().body("2").put("/api/v1/cache/kept?levels=L2,L3").then().statusCode(500).contentType("application/problem+json");
            assertEquals("1", db.strings("SELECT value::text FROM cache_entries WHERE cache_key = ?", id("kept")).get(0));
            as().get("/api/v1/cache/kept").then().statusCode(200).header("X-Cache-Level", "L3").body(equalTo("1"));
        } finally {
            Files.deleteIfExists(files);
            if (Files.exists(aside)) {
                Files.move(aside, files);
            }
            TestInfrastructure.startRedis();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !l2.onFiles());
        readsFromRedis("after-failure"); // as above: the read connections open again
    }

    /** A new HTTP connection per read: they land on every event loop, each with its own Redis connection for reads. */
    private void readsFromRedis(String prefix) {
        for (int i = 0; i < 8; i++) {
            put(prefix + i, "?levels=L2", String.valueOf(i));
            as().get("/api/v1/cache/" + prefix + i).then().statusCode(200).header("X-Cache-Level", "L2").body(equalTo(String.valueOf(i)));
        }
    }

    private void put(String key, String query, String body) {
        as().body(body).put("/api/v1/cache/" + key + query).then().statusCode(200);
    }

    private String id(String key) {
        return "cache:" + user + ":" + key;
    }

    private RequestSpecification as() {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json");
    }
}
