package io.finagent.portfolio;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.finagent.portfolio.PortfolioApi.PROBLEM;
import static io.finagent.portfolio.PortfolioApi.assertAmount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A price batch marks positions to market and re-values their portfolios; late and foreign prices change nothing. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PriceTest {

    private final PortfolioApi api = new PortfolioApi("cy-" + UUID.randomUUID());

    @Test
    void pricesMarkPositionsToMarketAndRevalueThePortfolio() {
        long p = api.open("10000", "AVERAGE_COST");
        api.buy(p, "10", "100", "1");
        Instant at = Instant.parse("2026-11-20T15:30:00Z");
        api.price(at, "ACME", "110").statusCode(200).body("positionsMarked", equalTo(1)).body("portfoliosValued", equalTo(1));
        JsonPath report = api.report(p);
        assertAmount("110", report.get("positions[0].currentPrice"));
        assertAmount("1100", report.get("positions[0].marketValue"));
        assertAmount("100", report.get("positions[0].unrealizedPnl"));
        assertAmount("10099", report.get("portfolio.currentValue")); // 8999 cash + 1100
        assertAmount("99", report.get("pnl.net"));                   // = currentValue − initialCapital

        api.price(at.minusSeconds(60), "ACME", "90").statusCode(200).body("positionsMarked", equalTo(0));
        assertAmount("110", api.report(p).get("positions[0].currentPrice"));
    }

    @Test
    void aUsersPricesMarkOnlyThatUsersPositions() {
        long mine = api.open("1000", "AVERAGE_COST");
        api.buy(mine, "1", "100", "0");
        PortfolioApi other = new PortfolioApi("dee-" + UUID.randomUUID());
        long theirs = other.open("1000", "AVERAGE_COST");
        other.buy(theirs, "1", "100", "0");
        other.price(Instant.now(), "ACME", "150").statusCode(200).body("positionsMarked", equalTo(1));
        assertNull(api.report(mine).get("positions[0].currentPrice"));
        assertAmount("150", other.report(theirs).get("positions[0].currentPrice"));
    }

    @Test
    void aMalformedBatchIs400() {
        given().header("Authorization", Tokens.bearer(Tokens.agent("cy"))).contentType("application/json")
                .body(Map.of("prices", List.of(Map.of("symbol", "ACME", "price", -1))))
                .post("/api/v1/prices").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("prices[0].price"));
        given().header("Authorization", Tokens.bearer(Tokens.agent("cy"))).contentType("application/json")
                .body(Map.of("prices", List.of(Map.of("symbol", "ACME", "price", 1), Map.of("symbol", "acme", "price", 2))))
                .post("/api/v1/prices").then().statusCode(400).body("errors.field", hasItem("prices[1].symbol"));
    }
}
