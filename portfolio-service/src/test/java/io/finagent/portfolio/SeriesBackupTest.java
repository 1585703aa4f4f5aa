package io.finagent.portfolio;

import io.finagent.platform.contracts.ExportBodies;
import io.finagent.platform.testing.ChunkedBodies;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The time series in the backups: a full export carries QuestDB's own export of the prices and
 * the valuations, an incremental one the points recorded since; a restore of the two leaves
 * QuestDB holding exactly the points of the incremental's moment (DECIMAL values and timestamps
 * as QuestDB prints them), without the points recorded after it, an old point overwritten after
 * it included.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SeriesBackupTest {

    private static final String EXPORT = "/api/v1/backup/export";
    private static final Instant DAY = Instant.parse("2026-10-05T14:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestDatabase db = new TestDatabase("finagent_portfolio_test");
    private final PortfolioApi api = new PortfolioApi("series-" + UUID.randomUUID());

    @Test
    void aFullAndAnIncrementalBringBackExactlyTheSeriesOfTheIncrementalsMoment() throws Exception {
        long portfolio = api.open("10000", "AVERAGE_COST");
        api.post(portfolio, Map.of("type", "BUY", "symbol", "SBK", "quantity", 3, "price", "100.12345678", "executedAt", DAY.toString()))
                .statusCode(201);
        api.price(DAY.plusSeconds(60), "SBK", "101.00000001").statusCode(200);
        api.price(DAY.plusSeconds(120), "SBK", "102.5").statusCode(200);
        awaitWritten();
        ExtractableResponse<Response> full = asAdmin().get(EXPORT).then().statusCode(200).extract();
        Map<String, String> fullEntries = ExportBodies.entries(full.asByteArray());
        assertTrue(fullEntries.get("series/prices.csv").contains("101.00000001"), fullEntries.get("series/prices.csv"));
        assertTrue(fullEntries.get("series/portfolio_values.csv").contains(String.valueOf(portfolio)));

        api.price(DAY.plusSeconds(180), "SBK", "103.33333333").statusCode(200);
        awaitWritten();
        byte[] delta = asAdmin().queryParam("since", full.header("X-Backup-Snapshot")).get(EXPORT).then().statusCode(200).extract().asByteArray();
        Map<String, String> deltaEntries = ExportBodies.entries(delta);
        assertTrue(deltaEntries.get("series_backlog.csv").contains("103.33333333"), "the incremental carries the point recorded since");
        assertFalse(deltaEntries.keySet().stream().anyMatch(e -> e.startsWith("series/")), "only a full carries the store's export");
        String pricesQuery = "SELECT symbol, owner, price, ts FROM prices WHERE owner = '" + api.user() + "' ORDER BY ts";
        String valuesQuery = "SELECT portfolio, value, cash, ts FROM portfolio_values WHERE portfolio = '" + portfolio + "' ORDER BY ts";
        // the store applies its writes a moment after taking them
        await().atMost(Duration.ofSeconds(30)).until(() -> series(pricesQuery).contains("103.33333333")
                && series(valuesQuery).contains("2026-10-05T14:03:00"));
        String prices = series(pricesQuery);
        String values = series(valuesQuery);

        // after the incremental: a new point, and an old one written over
        api.price(DAY.plusSeconds(240), "SBK", "999").statusCode(200);
        api.price(DAY.plusSeconds(60), "SBK", "1").statusCode(200);
        awaitWritten();
        await().atMost(Duration.ofSeconds(30)).until(() -> series(pricesQuery).contains("999") && !series(pricesQuery).contains("101.00000001"));

        var imported = ChunkedBodies.send("POST", "/api/v1/backup/import", Tokens.bearer(Tokens.admin("backup-service")),
                "application/octet-stream", ExportBodies.chain(full.asByteArray(), delta));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(0, db.count("SELECT (SELECT count(*) FROM series_restores) + (SELECT count(*) FROM series_resets)"),
                "the restore answers once the store has taken its points back");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(prices, series(pricesQuery));
            assertEquals(values, series(valuesQuery));
        });
    }

    @Test
    void aBadSeriesEntryIs400AndChangesNothing() throws Exception {
        awaitWritten(); // a restore of another test may still be written back
        long before = db.count("SELECT count(*) FROM series_restores") + db.count("SELECT count(*) FROM series_resets");
        var refused = ChunkedBodies.send("POST", "/api/v1/backup/import", Tokens.bearer(Tokens.admin("backup-service")),
                "application/octet-stream", ExportBodies.single("full/series/prices.csv", "symbol,owner,price,ts\nX,o,1.5,yesterday\n"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("full/series/prices.csv") || refused.body().contains("series/prices.csv"), refused.body());
        assertEquals(before, db.count("SELECT count(*) FROM series_restores") + db.count("SELECT count(*) FROM series_resets"));
    }

    /** Every point recorded and restored is in QuestDB. */
    private void awaitWritten() {
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count("SELECT (SELECT count(*) FROM series_backlog WHERE sent_at IS NULL)"
                + " + (SELECT count(*) FROM series_restores) + (SELECT count(*) FROM series_resets)") == 0);
    }

    /** QuestDB's own CSV of a query, as its export prints it. */
    private static String series(String query) throws IOException, InterruptedException {
        URI uri = URI.create(TestInfrastructure.ports().questDbHttpUrl() + "/exp?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin("backup-service")));
    }
}
