package io.finagent.portfolio;

import io.finagent.platform.contracts.TestEvents;
import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.events.DecisionMade;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.finagent.platform.events.OutcomeMeasured;
import io.finagent.platform.events.StrategyChanged;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestKafka;
import io.finagent.portfolio.series.SeriesFlusher;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.finagent.portfolio.PortfolioApi.PROBLEM;
import static io.finagent.portfolio.PortfolioApi.assertAmount;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The other half of the event loop, over the real broker, PostgreSQL and QuestDB: a decision
 * becomes a paper trade at its reference price and, once its horizon has passed, one
 * outcome-measured event, never two.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OutcomeMeasurementTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final EventCodec CODEC = new EventCodec();

    private final TestDatabase db = new TestDatabase("finagent_portfolio_test");
    @Inject
    Scheduler scheduler;
    private final PortfolioApi api = new PortfolioApi("olga-" + UUID.randomUUID());
    private final long strategy = TestEvents.newDecisionId();
    // two hours ago, so a 60-minute horizon has passed
    private final Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));

    @Test
    void aDecisionIsPaperTradedAndBecomesOneMeasuredOutcomeOnceItsHorizonPasses() {
        long portfolio = api.open(Map.of("name", "paper", "initialCapital", 10000, "strategyId", strategy))
                .statusCode(201).extract().jsonPath().getLong("id");
        Instant due = decidedAt.plus(Duration.ofMinutes(60));
        api.price(decidedAt.minusSeconds(30), "OUTA", "90").statusCode(200);  // before the decision: not the reference
        api.price(decidedAt.plusSeconds(1), "OUTA", "100").statusCode(200);   // the reference
        api.price(decidedAt.plus(Duration.ofMinutes(30)), "OUTA", "101").statusCode(200);
        api.price(due.plusSeconds(5), "OUTA", "103.5").statusCode(200);       // the exit
        api.price(due.plus(Duration.ofMinutes(10)), "OUTA", "110").statusCode(200);

        long decision = TestEvents.newDecisionId();
        CloudEvent event = decisionMade(decision, strategy, "OUTA", "BUY", "0.5", 60);
        TestEvents.publish(event);

        OutcomeMeasured outcome = CODEC.<OutcomeMeasured>read(awaitOutcome(decision).value(), EventType.OUTCOME_MEASURED).data();
        assertEquals(0, new BigDecimal("0.035").compareTo(outcome.outcome()), "103.5 / 100 - 1");
        assertAmount("100", outcome.referencePrice());
        assertAmount("103.5", outcome.exitPrice());
        assertEquals(decidedAt, outcome.decidedAt());
        assertEquals(api.user(), outcome.userId());

        JsonPath measured = api.request().get("/api/v1/outcomes/" + decision).then().statusCode(200).extract().jsonPath();
        assertEquals("MEASURED", measured.getString("status"));
        assertEquals(decidedAt.plusSeconds(1).toString(), measured.getString("referencePriceAt"));
        assertEquals(due.plusSeconds(5).toString(), measured.getString("exitPriceAt"));
        assertEquals("DECISION", measured.getString("horizonSource"));
        assertEquals(0, db.count("SELECT count(*) FROM pending_outcome_measurements WHERE decision_id = ? AND traceparent IS NOT NULL", decision),
                "tracing is off here: no trace is kept");

        // the paper trade: 10000 current value x 0.10 order fraction x 0.5 confidence = 500, at 100 = 5 shares
        JsonPath trades = api.request().get("/api/v1/portfolios/" + portfolio + "/transactions").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, trades.getList("items").size());
        assertEquals("BUY", trades.getString("items[0].type"));
        assertAmount("5", trades.get("items[0].quantity"));
        assertAmount("100", trades.get("items[0].price"));
        assertEquals(decision, trades.getLong("items[0].decisionId"));
        assertEquals("paper trade of decision " + decision, trades.getString("items[0].notes"));
        assertEquals(strategy, trades.getLong("items[0].strategyId"));
        assertEquals(decidedAt.plusSeconds(1).toString(), trades.getString("items[0].executedAt"));
        assertEquals(measured.getLong("paperTransactionId"), trades.getLong("items[0].id"));
        assertAmount("9500", api.report(portfolio).get("portfolio.cashBalance"));

        // replayed as it was, and republished under a new event id: neither measures nor trades again
        TestEvents.publish(event);
        TestEvents.publish(decisionMade(decision, strategy, "OUTA", "BUY", "0.5", 60));
        long marker = TestEvents.newDecisionId();
        TestKafka.send(EventType.DECISION_MADE.topic(), event.subject(), CODEC.write(decisionMade(marker, strategy, "OUTA", "HOLD", "1", 60)));
        awaitOutcome(marker); // same key, same partition: the replays before it were handled, and the pass after them ran
        assertEquals(1, TestKafka.count(EventType.OUTCOME_MEASURED.topic(), r -> String.valueOf(decision).equals(r.key()),
                Duration.ofSeconds(3)));
        assertEquals(1, db.count("SELECT count(*) FROM transactions WHERE decision_id = ?", decision));
        assertEquals(1, db.count("SELECT count(*) FROM outbox_events WHERE event_key = ? AND topic = 'outcome-measured'",
                String.valueOf(decision)));
    }

    @Test
    void aSellEarnsTheOppositeReturnAndWithNothingHeldTradesNothing() {
        api.open(Map.of("name", "paper", "initialCapital", 1000, "strategyId", strategy)).statusCode(201);
        api.price(decidedAt, "OUTB", "80").statusCode(200);
        api.price(decidedAt.plus(Duration.ofMinutes(15)), "OUTB", "79.2").statusCode(200);
        long decision = TestEvents.newDecisionId();
        TestEvents.publish(decisionMade(decision, strategy, "OUTB", "SELL", "0.9", 15));

        OutcomeMeasured outcome = CODEC.<OutcomeMeasured>read(awaitOutcome(decision).value(), EventType.OUTCOME_MEASURED).data();
        assertEquals(0, new BigDecimal("0.01").compareTo(outcome.outcome()), "-(79.2 / 80 - 1)");
        JsonPath measured = api.request().get("/api/v1/outcomes/" + decision).then().statusCode(200).extract().jsonPath();
        assertNull(measured.get("paperTransactionId"));
        assertEquals("SELL with nothing held; the portfolio does not allow short selling", measured.getString("paperNote"));
    }

    @Test
    void aPriceStillOnItsWayToTheStoreIsWaitedForNotSkippedOver() throws InterruptedException {
        Instant due = decidedAt.plus(Duration.ofMinutes(30));
        api.price(due.plusSeconds(10), "OUTF", "44").statusCode(200); // the exit, in the store
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM series_backlog WHERE symbol = 'OUTF' AND sent_at IS NULL") == 0);
        long decision = TestEvents.newDecisionId();
        scheduler.pause(SeriesFlusher.JOB);
        try {
            Thread.sleep(1500); // a flush that had begun before the pause is over
            api.price(decidedAt.plusSeconds(5), "OUTF", "40").statusCode(200); // the reference, accepted but not sent yet
            TestEvents.publish(decisionMade(decision, strategy, "OUTF", "BUY", "1", 30));
            await().atMost(WAIT).until(() -> api.request().get("/api/v1/outcomes/" + decision).then().extract().statusCode() == 200);
            Thread.sleep(3000); // three passes: none may decide from the exit alone
            JsonPath waiting = api.request().get("/api/v1/outcomes/" + decision).then().statusCode(200).extract().jsonPath();
            assertEquals("PENDING", waiting.getString("status"));
            assertNull(waiting.get("referencePrice"));
        } finally {
            scheduler.resume(SeriesFlusher.JOB);
        }
        OutcomeMeasured outcome = CODEC.<OutcomeMeasured>read(awaitOutcome(decision).value(), EventType.OUTCOME_MEASURED).data();
        assertAmount("40", outcome.referencePrice());
        assertAmount("44", outcome.exitPrice());
        assertEquals(0, new BigDecimal("0.1").compareTo(outcome.outcome()), "44 / 40 - 1");
    }

    @Test
    void laterPricesStillOnTheirWayToTheStoreDoNotHoldAMeasurementBack() throws InterruptedException {
        Instant due = decidedAt.plus(Duration.ofMinutes(30));
        api.price(decidedAt.plusSeconds(5), "OUTG", "40").statusCode(200);
        api.price(due.plusSeconds(10), "OUTG", "46").statusCode(200);
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM series_backlog WHERE symbol = 'OUTG' AND sent_at IS NULL") == 0);
        long decision = TestEvents.newDecisionId();
        scheduler.pause(SeriesFlusher.JOB);
        try {
            Thread.sleep(1500); // a flush that had begun before the pause is over
            // a live feed: a newer price is always on its way; it comes after the exit, so it cannot change the outcome
            api.price(due.plusSeconds(60), "OUTG", "50").statusCode(200);
            TestEvents.publish(decisionMade(decision, strategy, "OUTG", "BUY", "1", 30));
            OutcomeMeasured outcome = CODEC.<OutcomeMeasured>read(awaitOutcome(decision).value(), EventType.OUTCOME_MEASURED).data();
            assertAmount("40", outcome.referencePrice());
            assertAmount("46", outcome.exitPrice());
            assertEquals(1, db.count("SELECT count(*) FROM series_backlog WHERE symbol = 'OUTG' AND sent_at IS NULL"),
                    "measured while the later price was still on its way");
        } finally {
            scheduler.resume(SeriesFlusher.JOB);
        }
    }

    @Test
    void withoutAPriceBeforeItsHorizonADecisionIsSkippedNotMeasured() {
        api.price(decidedAt.plus(Duration.ofMinutes(20)), "OUTC", "50").statusCode(200); // after the 10-minute horizon
        long decision = TestEvents.newDecisionId();
        TestEvents.publish(decisionMade(decision, strategy, "OUTC", "BUY", "1", 10));

        await().atMost(WAIT).until(() -> "SKIPPED".equals(api.request().get("/api/v1/outcomes/" + decision).then().extract().path("status")));
        JsonPath skipped = api.request().get("/api/v1/outcomes/" + decision).then().statusCode(200).extract().jsonPath();
        assertEquals("no price between the decision and its horizon: nothing to measure from", skipped.getString("reason"));
        assertNull(skipped.get("outcome"));
        assertEquals(0, db.count("SELECT count(*) FROM outbox_events WHERE event_key = ?", String.valueOf(decision)));
    }

    @Test
    void theHorizonComesFromTheDecisionElseItsStrategyElseConfiguration() {
        Instant changed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestEvents.publish(strategyChanged(strategy, api.user(), 30, changed));
        CloudEvent stale = strategyChanged(strategy, api.user(), 999, changed.minusSeconds(60));
        TestEvents.publish(stale); // an older change arriving late does not win over the newer one
        long foreign = TestEvents.newDecisionId();
        TestEvents.publish(strategyChanged(foreign, "someone-else", 45, changed));
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM inbox_events WHERE event_id = ?", stale.id()) == 1
                && db.count("SELECT count(*) FROM strategy_defaults WHERE strategy_id = ?", foreign) == 1);

        long own = TestEvents.newDecisionId();
        long fromStrategy = TestEvents.newDecisionId();
        long otherUsersStrategy = TestEvents.newDecisionId();
        long unknownStrategy = TestEvents.newDecisionId();
        TestEvents.publish(decisionMade(own, strategy, "OUTD", "BUY", "1", 5));
        TestEvents.publish(decisionMade(fromStrategy, strategy, "OUTD", "BUY", "1", null));
        TestEvents.publish(decisionMade(otherUsersStrategy, foreign, "OUTD", "BUY", "1", null));
        TestEvents.publish(decisionMade(unknownStrategy, TestEvents.newDecisionId(), "OUTD", "BUY", "1", null));

        assertHorizon(own, 5, "DECISION");
        assertHorizon(fromStrategy, 30, "STRATEGY");
        assertHorizon(otherUsersStrategy, 1440, "CONFIGURATION");
        assertHorizon(unknownStrategy, 1440, "CONFIGURATION");
    }

    @Test
    void oneUserNeverSeesAnothersOutcome() {
        long decision = TestEvents.newDecisionId();
        TestEvents.publish(decisionMade(decision, strategy, "OUTE", "BUY", "1", 60));
        await().atMost(WAIT).until(() -> api.request().get("/api/v1/outcomes/" + decision).then().extract().statusCode() == 200);
        new PortfolioApi("mallory-" + UUID.randomUUID()).request().get("/api/v1/outcomes/" + decision)
                .then().statusCode(404).contentType(PROBLEM);
    }

    private void assertHorizon(long decision, int minutes, String source) {
        await().atMost(WAIT).until(() -> api.request().get("/api/v1/outcomes/" + decision).then().extract().statusCode() == 200);
        JsonPath m = api.request().get("/api/v1/outcomes/" + decision).then().extract().jsonPath();
        assertEquals(minutes, m.getInt("horizonMinutes"));
        assertEquals(source, m.getString("horizonSource"));
        assertEquals(decidedAt.plus(Duration.ofMinutes(minutes)).toString(), m.getString("dueAt"));
    }

    private static ConsumerRecord<String, String> awaitOutcome(long decision) {
        return TestKafka.awaitRecord(EventType.OUTCOME_MEASURED.topic(), r -> String.valueOf(decision).equals(r.key()), WAIT);
    }

    private CloudEvent decisionMade(long id, long strategyId, String symbol, String type, String confidence, Integer horizon) {
        DecisionMade data = new DecisionMade(id, api.user(), strategyId, symbol, type, new BigDecimal(confidence), horizon,
                decidedAt, List.of(), List.of());
        return CODEC.envelope(EventType.DECISION_MADE, "/finagent/test", String.valueOf(id), data, Instant.now());
    }

    private static CloudEvent strategyChanged(long id, String user, int horizon, Instant at) {
        StrategyChanged data = new StrategyChanged(id, user, "momentum", "ACTIVE", horizon, 1, at);
        return CODEC.envelope(EventType.STRATEGY_CHANGED, "/finagent/test", String.valueOf(id), data, at);
    }
}
