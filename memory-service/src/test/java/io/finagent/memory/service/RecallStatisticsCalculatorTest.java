package io.finagent.memory.service;

import io.finagent.memory.domain.RecallStatistics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Skill or luck: the Wilson interval of the win rate, and how many of the outcomes are independent. */
class RecallStatisticsCalculatorTest {

    private static final Instant T0 = Instant.parse("2026-01-05T14:30:00Z");

    @Test
    void theWinRateCarriesItsWilsonInterval() {
        RecallStatistics twoOfTwo = RecallStatisticsCalculator.over(2, List.of(outcome("0.01", "AAPL", 0, 10), outcome("0.02", "AAPL", 20, 30)));
        assertEquals(new BigDecimal("1.0000000000"), twoOfTwo.winRate());
        assertEquals(0.3424, twoOfTwo.winRateLow95().doubleValue(), 1e-4, "2 of 2 is not 100 %: the published 95 % Wilson bound");
        assertEquals(1.0, twoOfTwo.winRateHigh95().doubleValue(), 1e-9);

        RecallStatistics fiveOfTen = RecallStatisticsCalculator.over(10, java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> outcome(i < 5 ? "0.01" : "-0.01", "AAPL", i * 100, i * 100 + 10)).toList());
        assertEquals(0.2366, fiveOfTen.winRateLow95().doubleValue(), 1e-4);
        assertEquals(0.7634, fiveOfTen.winRateHigh95().doubleValue(), 1e-4);
        assertEquals(10, fiveOfTen.independentOutcomes());
    }

    @Test
    void outcomesWhosePeriodsOverlapOnOneSymbolCountOnceAsIndependent() {
        List<RecallStatisticsCalculator.KnownOutcome> outcomes = List.of(
                outcome("0.01", "AAPL", 0, 10), outcome("0.02", "AAPL", 5, 15), outcome("0.01", "AAPL", 12, 20),
                outcome("0.03", "MSFT", 0, 10));
        RecallStatistics statistics = RecallStatisticsCalculator.over(4, outcomes);
        assertEquals(4, statistics.withOutcome());
        assertEquals(3, statistics.independentOutcomes(), "AAPL 0–10 and 12–20, and MSFT: 5–15 rode AAPL's same moves");
    }

    @Test
    void withoutOutcomesThereIsNothingToCount() {
        RecallStatistics none = RecallStatisticsCalculator.over(3, List.of());
        assertEquals(0, none.withOutcome());
        assertEquals(0, none.independentOutcomes());
        assertEquals(null, none.winRateLow95());
    }

    private static RecallStatisticsCalculator.KnownOutcome outcome(String value, String symbol, int fromMinute, int toMinute) {
        return new RecallStatisticsCalculator.KnownOutcome(new BigDecimal(value), symbol, T0.plusSeconds(60L * fromMinute),
                T0.plusSeconds(60L * toMinute));
    }
}
