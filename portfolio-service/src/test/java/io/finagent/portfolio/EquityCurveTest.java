package io.finagent.portfolio;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.finagent.portfolio.PortfolioApi.PROBLEM;
import static io.finagent.portfolio.PortfolioApi.assertAmount;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Valuations go to QuestDB and come back as the equity curve; while QuestDB is down they wait, and the service stays up. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EquityCurveTest {

    private static final Instant DAY = Instant.parse("2026-11-20T10:00:00Z");

    private final TestDatabase db = new TestDatabase("finagent_portfolio_test");
    private final PortfolioApi api = new PortfolioApi("eq-" + UUID.randomUUID());

    @Test
    void theEquityCurveComesBackFromQuestDbExactly() {
        long p = api.open("10000", "AVERAGE_COST");
        api.post(p, Map.of("type", "BUY", "symbol", "ACME", "quantity", 10, "price", new BigDecimal("100.12345678"),
                "executedAt", DAY.toString())).statusCode(201);
        api.price(DAY.plus(Duration.ofHours(1)), "ACME", "110.5").statusCode(200);
        api.price(DAY.plus(Duration.ofHours(2)), "ACME", "120.00000001").statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> history(p).getList("points").size() == 3);
        JsonPath curve = history(p);
        assertEquals(List.of("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z", "2026-11-20T12:00:00Z"), curve.getList("points.at"));
        assertAmount("10000", curve.get("points[0].value"));             // 8998.7654322 cash + 1001.2345678 at cost
        assertAmount("10103.7654322", curve.get("points[1].value"));     // + 1105
        assertAmount("10198.7654323", curve.get("points[2].value"));     // + 1200.0000001
        assertAmount("8998.7654322", curve.get("points[2].cash"));
    }

    @Test
    void whileQuestDbIsDownPointsWaitAndTheServiceStaysUp() {
        long p = api.open("10000", "AVERAGE_COST");
        api.buy(p, "1", "50", "0");
        TestInfrastructure.stopQuestDb();
        try {
            api.price(DAY.plus(Duration.ofDays(1)), "ACME", "55").statusCode(200);
            assertEquals(1L, db.count("SELECT count(*) FROM series_backlog WHERE line LIKE ?", "prices,owner=" + api.user() + "%"));
            api.request().get("/api/v1/portfolios/" + p + "/history").then().statusCode(503).contentType(PROBLEM);
            api.request().get("/q/health/ready").then().statusCode(200);
        } finally {
            TestInfrastructure.startQuestDb();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count("SELECT count(*) FROM series_backlog WHERE sent_at IS NULL") == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> history(p, DAY.plus(Duration.ofDays(1))).getList("points").size() == 1);
        assertAmount("10005", history(p, DAY.plus(Duration.ofDays(1))).get("points[0].value"));
    }

    @Test
    void aBadIntervalOrRangeIs400() {
        long p = api.open("1000", "AVERAGE_COST");
        api.request().get("/api/v1/portfolios/" + p + "/history?interval=5x").then().statusCode(400).body("errors.field", hasItem("interval"));
        api.request().get("/api/v1/portfolios/" + p + "/history?interval=1s&from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z")
                .then().statusCode(400).body("errors.field", hasItem("interval"));
        api.request().get("/api/v1/portfolios/" + p + "/history?from=2021-01-01T00:00:00Z&to=2020-01-01T00:00:00Z")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        new PortfolioApi("other-" + UUID.randomUUID()).request().get("/api/v1/portfolios/" + p + "/history").then().statusCode(404);
    }


    private JsonPath history(long p) {
        return history(p, DAY);
    }

    private JsonPath history(long p, Instant from) {
        return api.request().queryParam("from", from.toString()).queryParam("to", from.plus(Duration.ofHours(3)).toString())
                .queryParam("interval", "1h").get("/api/v1/portfolios/" + p + "/history").then().statusCode(200).extract().jsonPath();
    }
}
