package io.finagent.portfolio;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static io.finagent.portfolio.PortfolioApi.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The ledger's arithmetic over REST and PostgreSQL, every expected figure worked by hand. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AccountingTest {

    private final TestDatabase db = new TestDatabase("finagent_portfolio_test");
    private final PortfolioApi api = new PortfolioApi("ada-" + UUID.randomUUID());

    @Test
    void aPartialSellKeepsTheAveragePriceAndBooksRealizedPnl() {
        long p = api.open("10000", "AVERAGE_COST");
        api.buy(p, "10", "100", "0");
        api.buy(p, "10", "110", "0");
        JsonPath sell = api.sell(p, "5", "120", "0");
        assertAmount("75", sell.get("realizedPnl")); // 5 × 120 − 5 × 105
        assertAmount("8500", sell.get("cashBalanceAfter"));
        JsonPath report = api.report(p);
        assertAmount("15", report.get("positions[0].quantity"));
        assertAmount("105", report.get("positions[0].averagePrice"));
        assertAmount("1575", report.get("positions[0].costBasis"));
        assertAmount("75", report.get("pnl.realizedGross"));
    }

    @Test
    void twoRoundTripsWithCommissionsReportGrossAndCommissionsApart() {
        long p = api.open("10000", "AVERAGE_COST");
        api.buy(p, "10", "50", "1");
        assertAmount("50", api.sell(p, "10", "55", "1").get("realizedPnl"));
        api.buy(p, "20", "40", "2");
        assertAmount("-40", api.sell(p, "20", "38", "2").get("realizedPnl"));
        JsonPath report = api.report(p);
        assertAmount("10", report.get("pnl.realizedGross"));
        assertAmount("6", report.get("pnl.commissions"));
        assertAmount("4", report.get("pnl.net"));
        assertAmount("10004", report.get("portfolio.cashBalance")); // 10000 − 501 + 549 − 802 + 758
        assertAmount("10004", report.get("portfolio.currentValue"));
        assertAmount("0", report.get("positions[0].quantity"));
        assertAmount("0", report.get("positions[0].costBasis"));
    }

    @Test
    void aDividendIsCashAndLeavesThePositionAlone() {
        long p = api.open("10000", "AVERAGE_COST");
        api.buy(p, "10", "100", "0");
        JsonPath dividend = api.post(p, Map.of("type", "DIVIDEND", "symbol", "ACME", "amount", new BigDecimal("25"),
                "commission", new BigDecimal("0.5"))).statusCode(201).extract().jsonPath();
        assertAmount("9024.5", dividend.get("cashBalanceAfter"));
        assertNull(dividend.get("realizedPnl"));
        JsonPath report = api.report(p);
        assertAmount("25", report.get("pnl.dividends"));
        assertAmount("0.5", report.get("pnl.commissions"));
        assertAmount("10", report.get("positions[0].quantity"));
        assertAmount("1000", report.get("positions[0].costBasis"));
        assertAmount("0", report.get("pnl.realizedGross"));
    }

    @Test
    void aTwoForOneSplitThenASell() {
        long p = api.open("10000", "AVERAGE_COST");
        api.buy(p, "10", "100", "0");
        api.post(p, Map.of("type", "SPLIT", "symbol", "ACME", "splitRatio", new BigDecimal("2"))).statusCode(201);
        JsonPath split = api.report(p);
        assertAmount("20", split.get("positions[0].quantity"));
        assertAmount("50", split.get("positions[0].averagePrice"));
        assertAmount("1000", split.get("positions[0].costBasis"));
        assertAmount("50", api.sell(p, "5", "60", "0").get("realizedPnl")); // 300 − 5 × 50
        JsonPath report = api.report(p);
        assertAmount("15", report.get("positions[0].quantity"));
        assertAmount("750", report.get("positions[0].costBasis"));
        assertAmount("9300", report.get("portfolio.cashBalance"));
    }

    @Test
    void threeFractionalLotsSoldInFullLeaveExactlyZero() {
        for (String method : new String[]{"AVERAGE_COST", "FIFO"}) {
            long p = api.open("100000", method);
            api.buy(p, "0.1", "30000.12345678", "0");
            api.buy(p, "0.2", "31000", "0");
            api.buy(p, "0.3", "29999.99", "0");
            // cost 3000.01234568 (3000.012345678 rounded half-even) + 6200 + 8999.997 = 18200.00934568
            assertAmount("999.99065432", api.sell(p, "0.6", "32000", "0").get("realizedPnl"));
            assertEquals(1L, db.count("SELECT count(*) FROM positions WHERE portfolio_id = ? AND quantity = 0 AND cost_basis = 0"
                    + " AND average_price = 0", p), method);
            assertEquals(0L, db.count("SELECT count(*) FROM position_lots l JOIN positions s ON s.id = l.position_id"
                    + " WHERE s.portfolio_id = ? AND (l.remaining_quantity <> 0 OR l.remaining_cost <> 0)", p), method);
            assertAmount("100999.99065432", api.report(p).get("portfolio.cashBalance"));
        }
    }

    @Test
    void fifoAndAverageCostRealizeDifferentlyOnTheSameHistory() {
        long average = api.open("10000", "AVERAGE_COST");
        long fifo = api.open("10000", "FIFO");
        for (long p : new long[]{average, fifo}) {
            api.buy(p, "10", "100", "0");
            api.buy(p, "10", "120", "0");
        }
        assertAmount("300", api.sell(average, "15", "130", "0").get("realizedPnl")); // 1950 − 15 × 110
        assertAmount("350", api.sell(fifo, "15", "130", "0").get("realizedPnl"));    // 1950 − (10 × 100 + 5 × 120)
        assertAmount("550", api.report(average).get("positions[0].costBasis"));
        assertAmount("600", api.report(fifo).get("positions[0].costBasis"));
        assertAmount("120", api.report(fifo).get("positions[0].averagePrice"));
    }

    @Test
    void aShortIsOpenedAndCoveredWhenThePortfolioAllowsIt() {
        long p = api.open(Map.of("name", "short", "initialCapital", new BigDecimal("1000"), "allowShortSelling", true))
                .statusCode(201).extract().jsonPath().getLong("id");
        api.sell(p, "5", "100", "0");
        JsonPath shortReport = api.report(p);
        assertAmount("-5", shortReport.get("positions[0].quantity"));
        assertAmount("-500", shortReport.get("positions[0].costBasis"));
        assertAmount("1500", shortReport.get("portfolio.cashBalance"));
        assertAmount("50", api.buy(p, "5", "90", "0").get("realizedPnl")); // sold at 100, bought back at 90
        assertAmount("0", api.report(p).get("positions[0].quantity"));
        assertAmount("1050", api.report(p).get("portfolio.cashBalance"));
    }
}
