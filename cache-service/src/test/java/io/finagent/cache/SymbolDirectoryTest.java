package io.finagent.cache;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** symbols_metadata over REST: admins write, everyone reads through the cache, bad fields are 400s naming them. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SymbolDirectoryTest {

    private final TestDatabase db = new TestDatabase("finagent_cache_test");
    // symbols are shared: each run takes its own symbol and exchange
    private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    private final String symbol = "S" + run;
    private final String exchange = "X" + run;

    @Test
    void adminsWriteEveryoneReadsThroughTheCache() {
        admin().body(Map.of("name", "Sample Corp", "exchange", exchange, "assetType", "STOCK", "currency", "USD",
                        "marketCap", "2500000000.5", "metadata", Map.of("isin", "US0000000001")))
                .put("/api/v1/symbols/" + symbol.toLowerCase()).then().statusCode(200)
                .body("symbol", equalTo(symbol)).body("active", equalTo(true)).body("metadata.isin", equalTo("US0000000001"));
        agent().get("/api/v1/symbols/" + symbol).then().statusCode(200).header("X-Cache-Level", "L1")
                .body("name", equalTo("Sample Corp"));
        assertEquals(List.of("2500000000.50000000"), db.strings("SELECT market_cap::text FROM symbols_metadata WHERE symbol = ?", symbol));

        // a read is served from the cache, not the table: a change behind the service's back is not seen...
        db.execute("UPDATE symbols_metadata SET name = 'changed behind' WHERE symbol = '" + symbol + "'");
        agent().get("/api/v1/symbols/" + symbol).then().statusCode(200).body("name", equalTo("Sample Corp"));
        // ...while a write through it replaces what every level holds
        admin().body(Map.of("name", "Sample Corporation", "exchange", exchange, "assetType", "STOCK"))
                .put("/api/v1/symbols/" + symbol).then().statusCode(200);
        agent().get("/api/v1/symbols/" + symbol).then().statusCode(200).body("name", equalTo("Sample Corporation"));

        agent().queryParam("exchange", exchange).get("/api/v1/symbols").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].symbol", equalTo(symbol));
        agent().body(Map.of("name", "mine now")).put("/api/v1/symbols/" + symbol).then().statusCode(403);
        agent().delete("/api/v1/symbols/" + symbol).then().statusCode(403);

        admin().delete("/api/v1/symbols/" + symbol).then().statusCode(204);
        agent().get("/api/v1/symbols/" + symbol).then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, db.count("SELECT count(*) FROM symbols_metadata WHERE symbol = ?", symbol));
        admin().delete("/api/v1/symbols/" + symbol).then().statusCode(404);
    }

    @Test
    void badFieldsAre400NamingThemAndStoreNothing() {
        List<Map.Entry<String, Map<String, Object>>> cases = List.of(
                Map.entry("currency", Map.of("currency", "usd")),
                Map.entry("assetType", Map.of("assetType", "SHARE")),
                Map.entry("metadata", Map.of("metadata", List.of(1, 2))),
                Map.entry("marketCap", Map.of("marketCap", -1)));
        for (Map.Entry<String, Map<String, Object>> c : cases) {
            admin().body(c.getValue()).put("/api/v1/symbols/" + symbol).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(c.getKey()));
        }
        admin().body(Map.of()).put("/api/v1/symbols/NO%20SPACES").then().statusCode(400);
        agent().queryParam("assetType", "SHARE").get("/api/v1/symbols").then().statusCode(400).body("errors.field", hasItem("assetType"));
        assertEquals(0, db.count("SELECT count(*) FROM symbols_metadata WHERE symbol = ?", symbol));
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin("ops"))).contentType("application/json");
    }

    private static RequestSpecification agent() {
        return given().header("Authorization", Tokens.bearer(Tokens.agent("reader"))).contentType("application/json");
    }
}
