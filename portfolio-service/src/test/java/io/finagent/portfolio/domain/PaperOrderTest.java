package io.finagent.portfolio.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The sizing rule of paper trades and the signed-return convention, with exact values. */
class PaperOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final PaperOrder.Rule RULE = new PaperOrder.Rule(new BigDecimal("0.10"), new BigDecimal("0.001"));

    @Test
    void signedReturnIsTheAssetsForBuyAndHoldAndItsOppositeForSell() {
        BigDecimal ref = new BigDecimal("80");
        BigDecimal exit = new BigDecimal("79.2");
        assertEquals(new BigDecimal("-0.0100000000"), OutcomeMeasurement.signedReturn(DecisionType.BUY, ref, exit));
        assertEquals(new BigDecimal("-0.0100000000"), OutcomeMeasurement.signedReturn(DecisionType.HOLD, ref, exit));
        assertEquals(new BigDecimal("0.0100000000"), OutcomeMeasurement.signedReturn(DecisionType.SELL, ref, exit));
        // rounded half-even to the 10 decimals of the column: 1/3
        assertEquals(new BigDecimal("0.3333333333"), OutcomeMeasurement.signedReturn(DecisionType.BUY, new BigDecimal("3"), new BigDecimal("4")));
    }

    @Test
    void aBuySpendsValueTimesFractionTimesConfidenceRoundedDown() {
        PaperOrder.Sized order = PaperOrder.size(decision(DecisionType.BUY, "0.72", "33"), portfolio("10000", "10000"), BigDecimal.ZERO, RULE, NOW);
        // 10000 x 0.10 x 0.72 = 720; 720 / 33 = 21.8181818181... rounded down
        assertEquals(new BigDecimal("21.8181818181"), order.transaction().quantity);
        assertEquals(new BigDecimal("0.72000000"), order.transaction().commission); // 0.001 x 720.00000000 (21.8181818181 x 33, to 8 decimals)
        assertEquals(TransactionType.BUY, order.transaction().type);
        assertEquals(NOW.minusSeconds(60), order.transaction().executedAt);
    }

    @Test
    void withoutMarginABuySpendsAtMostTheCashCommissionIncluded() {
        // the budget would be 1000 but only 100.1 is in cash: 100.1 / 1.001 = 100 of shares, and 0.1 of commission
        PaperOrder.Sized order = PaperOrder.size(decision(DecisionType.BUY, "1", "10"), portfolio("10000", "100.1"), BigDecimal.ZERO, RULE, NOW);
        assertEquals(new BigDecimal("10.0000000000"), order.transaction().quantity);
        assertEquals(new BigDecimal("0.10000000"), order.transaction().commission);

        PaperOrder.Sized none = PaperOrder.size(decision(DecisionType.BUY, "1", "10"), portfolio("10000", "0"), BigDecimal.ZERO, RULE, NOW);
        assertNull(none.transaction());
        assertEquals("BUY of size zero: the portfolio has no value or no cash to spend", none.note());
    }

    @Test
    void aSellClosesTheLongPositionAndWithNothingHeldNeedsShortSelling() {
        PaperOrder.Sized close = PaperOrder.size(decision(DecisionType.SELL, "0.1", "50"), portfolio("10000", "0"), new BigDecimal("7.25"), RULE, NOW);
        assertEquals(TransactionType.SELL, close.transaction().type);
        assertEquals(new BigDecimal("7.25"), close.transaction().quantity);

        Portfolio flat = portfolio("10000", "10000");
        assertEquals("SELL with nothing held; the portfolio does not allow short selling",
                PaperOrder.size(decision(DecisionType.SELL, "1", "50"), flat, BigDecimal.ZERO, RULE, NOW).note());
        flat.allowShortSelling = true;
        // short for the budget: 10000 x 0.10 x 1 = 1000 at 50 = 20
        assertEquals(new BigDecimal("20.0000000000"),
                PaperOrder.size(decision(DecisionType.SELL, "1", "50"), flat, BigDecimal.ZERO, RULE, NOW).transaction().quantity);
    }

    @Test
    void aHoldTradesNothing() {
        assertEquals("HOLD: nothing to trade",
                PaperOrder.size(decision(DecisionType.HOLD, "1", "50"), portfolio("10000", "10000"), BigDecimal.TEN, RULE, NOW).note());
    }

    @Test
    void eachMissWaitsTwiceAsLongUpToTheLongestWait() {
        OutcomeMeasurement m = decision(DecisionType.BUY, "1", "1");
        Duration first = Duration.ofSeconds(1);
        Duration longest = Duration.ofSeconds(5);
        m.missed(first, longest, NOW);
        assertEquals(NOW.plusSeconds(1), m.nextCheckAt);
        m.missed(first, longest, NOW);
        assertEquals(NOW.plusSeconds(2), m.nextCheckAt);
        m.missed(first, longest, NOW);
        assertEquals(NOW.plusSeconds(4), m.nextCheckAt);
        m.missed(first, longest, NOW);
        assertEquals(NOW.plusSeconds(5), m.nextCheckAt);
        assertEquals(4, m.attempts);
    }

    private static OutcomeMeasurement decision(DecisionType type, String confidence, String referencePrice) {
        OutcomeMeasurement m = new OutcomeMeasurement();
        m.decisionId = 42L;
        m.userId = "u";
        m.symbol = "ACME";
        m.decisionType = type;
        m.confidence = new BigDecimal(confidence);
        m.referencePrice = new BigDecimal(referencePrice);
        m.referencePriceAt = NOW.minusSeconds(60);
        return m;
    }

    private static Portfolio portfolio(String value, String cash) {
        Portfolio p = new Portfolio();
        p.currentValue = new BigDecimal(value);
        p.cashBalance = new BigDecimal(cash);
        return p;
    }
}
