package io.finagent.portfolio.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cost arithmetic alone, for the cases the REST tests do not reach: crossing zero, lots split unevenly. */
class CostBookTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void aSaleBeyondTheHoldingClosesItThenOpensAShortWithTheRest() {
        Position position = new Position();
        CostBook book = new AverageCostBook();
        book.trade(position, dec("5"), dec("100"), dec("500"), AT);
        BigDecimal realized = book.trade(position, dec("-8"), dec("110"), dec("880"), AT);
        assertAmount("50", realized);                 // 5 × 110 − 500
        assertAmount("-3", position.quantity);
        assertAmount("-330", position.costBasis);     // the 3 sold short, at 110
        assertAmount("110", position.averagePrice);
        assertAmount("50", position.realizedPnl);
    }

    @Test
    void fifoTakesPartOfALotInProportionToItsCost() {
        Position position = new Position();
        FifoBook book = new FifoBook(new ArrayList<>());
        book.trade(position, dec("3"), dec("10"), dec("30"), AT);
        book.trade(position, dec("3"), dec("20"), dec("60"), AT.plusSeconds(1));
        assertAmount("30", book.trade(position, dec("-4"), dec("20"), dec("80"), AT)); // 80 − (30 + 60 × 1/3)
        assertAmount("40", position.costBasis);
        assertAmount("2", book.opened().get(1).remainingQuantity);
    }

    @Test
    void aFifoSplitMakesThePositionTheSumOfItsRoundedLots() {
        Position position = new Position();
        FifoBook book = new FifoBook(new ArrayList<>());
        book.trade(position, dec("1"), dec("9"), dec("9"), AT);
        book.trade(position, dec("1"), dec("9"), dec("9"), AT);
        book.split(position, dec("0.3333333333"));
        assertAmount("0.6666666666", position.quantity);
        assertAmount("18", position.costBasis);
        BigDecimal gross = Amounts.money(position.quantity.multiply(dec("27"))); // 17.9999999982 → 18.00000000
        assertAmount("0", book.trade(position, position.quantity.negate(), dec("27"), gross, AT));
        assertAmount("0", position.quantity);
        assertAmount("0", position.costBasis);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, dec(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }
}
