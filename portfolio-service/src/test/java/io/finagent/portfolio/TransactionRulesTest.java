package io.finagent.portfolio;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.finagent.portfolio.PortfolioApi.PROBLEM;
import static io.finagent.portfolio.PortfolioApi.assertAmount;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a portfolio refuses (422), what is malformed (400), and that neither changes anything. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class TransactionRulesTest {

    private final TestDatabase db = new TestDatabase("finagent_portfolio_test");
    private final String user = "bo-" + UUID.randomUUID();
    private final PortfolioApi api = new PortfolioApi(user);

    @Test
    void oversellingAndOverspendingAre422AndChangeNothing() {
        long p = api.open("1000", "FIFO");
        api.buy(p, "5", "100", "1");
        api.post(p, trade("SELL", "6", "100")).statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("quantity")).body("detail", containsString("does not allow short selling"));
        api.post(p, trade("BUY", "5", "100")).statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("portfolio")).body("detail", containsString("does not allow margin"));
        JsonPath report = api.report(p);
        assertAmount("499", report.get("portfolio.cashBalance"));
        assertAmount("5", report.get("positions[0].quantity"));
        assertAmount("500", report.get("positions[0].costBasis"));
        assertEquals(1L, db.count("SELECT count(*) FROM transactions WHERE portfolio_id = ?", p));
        assertEquals(1L, db.count("SELECT count(*) FROM position_lots WHERE user_id = ? AND remaining_quantity = 5", user));
    }

    @Test
    void marginLetsCashGoBelowZero() {
        long p = api.open(Map.of("name", "margin", "initialCapital", new BigDecimal("100"), "allowMargin", true))
                .statusCode(201).extract().jsonPath().getLong("id");
        assertAmount("-100", api.buy(p, "2", "100", "0").get("cashBalanceAfter"));
    }

    @Test
    void malformedTransactionsAre400NamingTheFieldAndStoreNothing() {
        long p = api.open("1000", "AVERAGE_COST");
        Map<String, Object> negative = trade("BUY", "-1", "10");
        Map<String, Object> tooPrecise = trade("BUY", "1", "10.123456789");
        Map<String, Object> noPrice = trade("BUY", "1", "10");
        noPrice.remove("price");
        Map<String, Object> ratioOnBuy = trade("BUY", "1", "10");
        ratioOnBuy.put("splitRatio", 2);
        Map<String, Object> unknownType = trade("SWAP", "1", "10");
        Map<String, Object> badSymbol = trade("BUY", "1", "10");
        badSymbol.put("symbol", "NO SPACES");
        Map<String, Object> longNotes = trade("BUY", "1", "10");
        longNotes.put("notes", "n".repeat(2001));
        List<Map.Entry<String, Map<String, Object>>> cases = List.of(Map.entry("quantity", negative), Map.entry("price", tooPrecise),
                Map.entry("price", noPrice), Map.entry("splitRatio", ratioOnBuy), Map.entry("type", unknownType),
                Map.entry("symbol", badSymbol), Map.entry("notes", longNotes));
        for (Map.Entry<String, Map<String, Object>> c : cases) {
            api.post(p, c.getValue()).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(c.getKey()));
        }
        api.post(p, Map.of("type", "SPLIT", "symbol", "ACME", "splitRatio", 2)).statusCode(422)
                .body("detail", containsString("no position in ACME"));
        assertEquals(0L, db.count("SELECT count(*) FROM transactions WHERE portfolio_id = ?", p));
        assertEquals(0L, db.count("SELECT count(*) FROM positions WHERE portfolio_id = ?", p));
    }

    @Test
    void aTransactionKeepsItsNotesAndItsPortfoliosStrategyAndAPositionTheInstantItOpened() {
        long p = api.open(Map.of("name", "breakouts", "initialCapital", new BigDecimal("10000"), "accountingMethod", "FIFO", "strategyId", 4242))
                .statusCode(201).extract().jsonPath().getLong("id");
        Instant opened = Instant.parse("2026-11-02T15:00:00Z");
        Map<String, Object> first = trade("BUY", "2", "10");
        first.put("executedAt", opened.toString());
        first.put("notes", "breakout above the 50-day high");
        var bought = api.post(p, first).statusCode(201).extract().jsonPath();
        assertEquals("breakout above the 50-day high", bought.getString("notes"));
        assertEquals(4242L, bought.getLong("strategyId"), "the strategy the portfolio trades for");
        assertEquals(opened.toString(), api.report(p).getString("positions[0].openedAt"));

        api.post(p, at(trade("BUY", "1", "11"), opened.plusSeconds(3600))).statusCode(201);
        assertEquals(opened.toString(), api.report(p).getString("positions[0].openedAt"), "adding to a position does not reopen it");
        api.post(p, at(trade("SELL", "3", "12"), opened.plusSeconds(7200))).statusCode(201);
        assertNull(api.report(p).getString("positions[0].openedAt"), "a flat position is not open");
        api.post(p, at(trade("BUY", "1", "12"), opened.plusSeconds(10800))).statusCode(201);
        assertEquals(opened.plusSeconds(10800).toString(), api.report(p).getString("positions[0].openedAt"));
        assertEquals(List.of("4242"), db.strings("SELECT DISTINCT strategy_id::text FROM transactions WHERE portfolio_id = ?", p));
    }

    private static Map<String, Object> at(Map<String, Object> trade, Instant executedAt) {
        trade.put("executedAt", executedAt.toString());
        return trade;
    }

    @Test
    void anIdempotencyKeyRecordsATransactionOnce() {
        long p = api.open("1000", "AVERAGE_COST");
        String key = UUID.randomUUID().toString();
        long id = api.request().header("Idempotency-Key", key).body(trade("BUY", "1", "10"))
                .post("/api/v1/portfolios/" + p + "/transactions").then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().jsonPath().getLong("id");
        api.request().header("Idempotency-Key", key).body(trade("BUY", "1", "10"))
                .post("/api/v1/portfolios/" + p + "/transactions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo((int) id));
        assertAmount("990", api.report(p).get("portfolio.cashBalance"));
    }

    /** transactions is partitioned by month of executed_at: a key is one transaction whatever month a retry names. */
    @Test
    void anIdempotencyKeyHoldsAcrossMonthsAndAFutureTradeIsRefused() {
        long p = api.open("1000", "FIFO");
        String key = UUID.randomUUID().toString();
        Instant now = Instant.now();
        long id = api.request().header("Idempotency-Key", key).body(at(trade("BUY", "1", "10"), now.minus(Duration.ofDays(70))))
                .post("/api/v1/portfolios/" + p + "/transactions").then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().jsonPath().getLong("id");
        api.request().header("Idempotency-Key", key).body(at(trade("BUY", "1", "10"), now))
                .post("/api/v1/portfolios/" + p + "/transactions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo((int) id));
        api.post(p, at(trade("BUY", "2", "10"), now.minus(Duration.ofDays(40)))).statusCode(201);
        api.request().get("/api/v1/portfolios/" + p + "/transactions").then().statusCode(200).body("total", equalTo(2));
        assertEquals(2L, db.count("SELECT count(*) FROM position_lots l JOIN transactions t ON (t.id, t.executed_at) = (l.buy_transaction_id, l.buy_executed_at)"
                + " WHERE t.portfolio_id = ?", p), "each lot names its opening transaction");
        api.post(p, at(trade("BUY", "1", "10"), now.plus(Duration.ofDays(40)))).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("executedAt"));
        assertEquals(2L, db.count("SELECT count(*) FROM transactions WHERE portfolio_id = ?", p));
    }

    /** Amounts are written as plain decimals: a NUMERIC zero of scale 8 is 0.00000000, never 0E-8. */
    @Test
    void amountsAreWrittenAsPlainDecimals() {
        long p = api.open("1000", "AVERAGE_COST");
        api.post(p, trade("BUY", "1", "10")).statusCode(201);
        String body = api.request().get("/api/v1/portfolios/" + p + "/transactions").then().statusCode(200).extract().asString();
        assertTrue(body.contains("\"commission\":0.00000000"), body);
        assertFalse(body.matches("(?s).*\\d[eE][-+]?\\d.*"), "no amount in exponent form: " + body);
    }

    @Test
    void oneUserNeverSeesAnothersPortfolio() {
        long p = api.open("1000", "AVERAGE_COST");
        api.buy(p, "1", "10", "0");
        PortfolioApi other = new PortfolioApi("eve-" + UUID.randomUUID());
        other.request().get("/api/v1/portfolios/" + p).then().statusCode(404).contentType(PROBLEM);
        other.request().get("/api/v1/portfolios/" + p + "/transactions").then().statusCode(404);
        other.post(p, trade("BUY", "1", "10")).statusCode(404);
        other.request().get("/api/v1/portfolios").then().statusCode(200).body("items.id", not(hasItem((int) p)));
        api.request().get("/api/v1/portfolios/" + p + "/transactions").then().statusCode(200).body("total", equalTo(1));
        assertEquals(1L, db.count("SELECT count(*) FROM transactions WHERE portfolio_id = ?", p));
    }

    private static Map<String, Object> trade(String type, String quantity, String price) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("symbol", "ACME");
        body.put("quantity", new BigDecimal(quantity));
        body.put("price", new BigDecimal(price));
        return body;
    }
}
