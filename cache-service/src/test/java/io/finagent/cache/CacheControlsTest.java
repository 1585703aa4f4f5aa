package io.finagent.cache;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Market data and analyses deleted one by one and invalidated by glob (a symbol's, a type's), from
 * every level, L3 included; a user's invalidation never reaches another user's analyses.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CacheControlsTest {

    private final TestDatabase db = new TestDatabase("finagent_cache_test");
    private final String user = "ctl-" + UUID.randomUUID();
    // market data is shared: each test run takes its own symbols
    private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    private final String one = "C" + run;
    private final String other = "D" + run;

    @Test
    void marketDataIsInvalidatedBySymbolAndByTypeAndDeletedOneByOne() {
        for (String path : new String[] {one + "/daily_price", one + "/fundamentals", other + "/daily_price", other + "/fundamentals"}) {
            as().body("{\"close\": 1.5}").put("/api/v1/market-data/" + path).then().statusCode(200);
        }
        as().body(Map.of("pattern", one + ":*")).post("/api/v1/market-data/invalidate").then().statusCode(200)
                .body("removed.L2", equalTo(1)).body("removed.L3", equalTo(1));
        as().get("/api/v1/market-data/" + one + "/daily_price").then().statusCode(404);
        as().get("/api/v1/market-data/" + one + "/fundamentals").then().statusCode(404);
        as().get("/api/v1/market-data/" + other + "/daily_price").then().statusCode(200);

        as().body(Map.of("pattern", other + ":fundamentals:*")).post("/api/v1/market-data/invalidate").then().statusCode(200);
        as().get("/api/v1/market-data/" + other + "/fundamentals").then().statusCode(404);
        assertEquals(0, db.count("SELECT count(*) FROM market_data_cache WHERE symbol IN (?, ?) AND data_type = 'fundamentals'", one, other));

        as().delete("/api/v1/market-data/" + other + "/daily_price").then().statusCode(204);
        as().get("/api/v1/market-data/" + other + "/daily_price").then().statusCode(404);
        as().body(Map.of("pattern", "[")).post("/api/v1/market-data/invalidate").then().statusCode(400).body("errors.field", hasItem("pattern"));
        as().delete("/api/v1/market-data/" + one + "/tick_by_tick").then().statusCode(400).body("errors.field", hasItem("dataType"));
    }

    @Test
    void aUsersAnalysesAreInvalidatedAndDeletedAndNoOneElses() {
        String neighbour = "ctl-" + UUID.randomUUID();
        as().body(Map.of("signal", "BUY")).put("/api/v1/analyses/" + one + "/momentum").then().statusCode(200);
        as().body(Map.of("signal", "SELL")).put("/api/v1/analyses/" + one + "/carry").then().statusCode(200);
        as().body(Map.of("signal", "HOLD")).put("/api/v1/analyses/" + other + "/momentum").then().statusCode(200);
        as(neighbour).body(Map.of("signal", "BUY")).put("/api/v1/analyses/" + one + "/momentum").then().statusCode(200);

        as().body(Map.of("pattern", one + ":*")).post("/api/v1/analyses/invalidate").then().statusCode(200);
        as().get("/api/v1/analyses/" + one + "/momentum").then().statusCode(404);
        as().get("/api/v1/analyses/" + one + "/carry").then().statusCode(404);
        as().get("/api/v1/analyses/" + other + "/momentum").then().statusCode(200);
        as(neighbour).get("/api/v1/analyses/" + one + "/momentum").then().statusCode(200).body("signal", equalTo("BUY"));

        as().delete("/api/v1/analyses/" + other + "/momentum").then().statusCode(204);
        as().get("/api/v1/analyses/" + other + "/momentum").then().statusCode(404);
        as(neighbour).get("/api/v1/analyses/" + one + "/momentum").then().statusCode(200);
    }

    /** A read that names its level answers from that level alone, and copies nothing into a faster one. */
    @Test
    void aReadMayNameItsLevel() {
        String fundamentals = "/api/v1/market-data/" + one + "/fundamentals"; // written to L3 only
        as().body("{\"pe\": 21}").put(fundamentals).then().statusCode(200);
        as().queryParam("level", "L3").get(fundamentals).then().statusCode(200).header("X-Cache-Level", "L3").body("pe", is(21));
        as().queryParam("level", "L2").get(fundamentals).then().statusCode(404);
        as().queryParam("level", "L1").get(fundamentals).then().statusCode(404);
        as().get(fundamentals).then().statusCode(200).header("X-Cache-Level", "L3"); // a plain read promotes it
        as().queryParam("level", "L1").get(fundamentals).then().statusCode(200).header("X-Cache-Level", "L1");
        as().queryParam("level", "L2").get(fundamentals).then().statusCode(200).header("X-Cache-Level", "L2");

        String analysis = "/api/v1/analyses/" + one + "/levels";
        as().body(Map.of("signal", "BUY")).put(analysis).then().statusCode(200);
        as().queryParam("level", "L3").get(analysis).then().statusCode(200).header("X-Cache-Level", "L3");
        as().queryParam("level", "L4").get(fundamentals).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("level"));
    }

    /**
     * Market data keeps the instant it describes (?dataTime=) in every level: Redis (daily prices),
     * this replica's memory after a read, PostgreSQL (fundamentals, market_data_cache.data_time).
     */
    @Test
    void marketDataKeepsItsOwnTimeInEveryLevel() {
        String bar = "2026-12-04T21:00:00Z";
        String price = "/api/v1/market-data/" + one + "/daily_price";
        as().queryParam("dataTime", bar).body("{\"close\": 1.5}").put(price).then().statusCode(200);
        as().queryParam("level", "L2").get(price).then().statusCode(200).header("X-Market-Data-Time", bar);
        as().get(price).then().statusCode(200).header("X-Cache-Level", "L2");
        as().queryParam("level", "L1").get(price).then().statusCode(200).header("X-Market-Data-Time", bar);

        String fundamentals = "/api/v1/market-data/" + one + "/fundamentals";
        as().queryParam("dataTime", "1999-12-31T00:00:00Z").body("{\"pe\": 21}").put(fundamentals).then().statusCode(200);
        as().get(fundamentals).then().statusCode(200).header("X-Cache-Level", "L3").header("X-Market-Data-Time", "1999-12-31T00:00:00Z");
        assertEquals("1999-12-31T00:00:00Z", db.strings("SELECT to_char(data_time AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM market_data_cache WHERE symbol = ? AND data_type = 'fundamentals'", one).get(0));

        as().body("{\"close\": 1.6}").put(price).then().statusCode(200);
        as().get(price).then().statusCode(200).header("X-Market-Data-Time", nullValue());
        as().queryParam("dataTime", Instant.now().plusSeconds(3600).toString()).body("{\"close\": 1.7}").put(price)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("dataTime"));
        as().queryParam("dataTime", "yesterday").body("{\"close\": 1.7}").put(price)
                .then().statusCode(400).body("errors.field", hasItem("dataTime"));
    }

    private RequestSpecification as() {
        return as(user);
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json");
    }
}
