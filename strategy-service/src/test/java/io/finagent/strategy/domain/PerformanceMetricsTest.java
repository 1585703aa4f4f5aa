package io.finagent.strategy.domain;

import static io.finagent.strategy.domain.PerformanceMetrics.LOST_EVERYTHING;
import static io.finagent.strategy.domain.PerformanceMetrics.NEEDS_TWO;
import static io.finagent.strategy.domain.PerformanceMetrics.NOTHING_BELOW_RISK_FREE;
import static io.finagent.strategy.domain.PerformanceMetrics.NOT_FINITE;
import static io.finagent.strategy.domain.PerformanceMetrics.NO_DRAWDOWN;
import static io.finagent.strategy.domain.PerformanceMetrics.NO_OUTCOMES;
import static io.finagent.strategy.domain.PerformanceMetrics.TOO_LARGE;
import static io.finagent.strategy.domain.PerformanceMetrics.ZERO_VOLATILITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finagent.strategy.domain.PerformanceMetrics.Metric;
import io.finagent.strategy.domain.PerformanceMetrics.Performance;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from numpy (float64) implementing the empyrical formulas stated in
 * {@link PerformanceMetrics} (strategy-service/tools/empyrical_reference.py prints them); each
 * block names the series it was printed for. 252 periods per year.
 */
class PerformanceMetricsTest {

    private static final double TOLERANCE = 1e-8;
    private static final List<BigDecimal> MIXED =
            returns("0.01", "-0.02", "0.015", "0.0", "0.03", "-0.01", "0.005", "-0.025", "0.02", "0.01");

    @Test
    void mixedSeriesWithoutRiskFreeRate() {
        // numpy, MIXED [0.01, -0.02, 0.015, 0.0, 0.03, -0.01, 0.005, -0.025, 0.02, 0.01], rf = 0
        Performance p = PerformanceMetrics.compute(MIXED);
        assertValue(0.03413713611270808, p.totalReturn());
        assertValue(1.3300700491933775, p.annualizedReturn());
        assertValue(0.27761484110184026, p.annualizedVolatility());
        assertValue(3.177063576642313, p.sharpeRatio());
        assertValue(5.238320341483517, p.sortinoRatio());
        assertValue(0.029923750000000176, p.maxDrawdown());
        assertValue(44.448641938038165, p.calmarRatio());
        assertValue(0.6, p.winRate());
        assertEquals(10, p.totalTrades());
        assertNoNonFinite(p);
    }

    @Test
    void mixedSeriesWithRiskFreeRate() {
        // numpy, MIXED, rf = 0.0001 per period: only Sharpe and Sortino change
        Performance p = PerformanceMetrics.compute(MIXED, 252, new BigDecimal("0.0001"));
        assertValue(0.03413713611270808, p.totalReturn());
        assertValue(1.3300700491933775, p.annualizedReturn());
        assertValue(0.27761484110184026, p.annualizedVolatility());
        assertValue(3.0862903315953893, p.sharpeRatio());
        assertValue(5.063867993715836, p.sortinoRatio());
        assertValue(0.029923750000000176, p.maxDrawdown());
        assertValue(44.448641938038165, p.calmarRatio());
        assertValue(0.6, p.winRate());
        assertNoNonFinite(p);
    }

    @Test
    void risingSeriesHasNoDrawdownAndNoDownside() {
        // numpy, RISING [0.001, 0.002, 0.003, 0.004, 0.005], rf = 0
        Performance p = PerformanceMetrics.compute(returns("0.001", "0.002", "0.003", "0.004", "0.005"));
        assertValue(0.015085225274119818, p.totalReturn());
        assertValue(1.1267984369322601, p.annualizedReturn());
        assertValue(0.025099800796022267, p.annualizedVolatility());
        assertValue(30.11976095522672, p.sharpeRatio());
        assertUndefined(NOTHING_BELOW_RISK_FREE, p.sortinoRatio());
        assertValue(0.0, p.maxDrawdown());
        assertUndefined(NO_DRAWDOWN, p.calmarRatio());
        assertValue(1.0, p.winRate());
        assertEquals(5, p.totalTrades());
        assertNoNonFinite(p);
    }

    @Test
    void oneObservation() {
        // numpy, ONE [-0.01], rf = 0
        Performance p = PerformanceMetrics.compute(returns("-0.01"));
        assertValue(-0.010000000000000009, p.totalReturn());
        assertValue(-0.9205545483094462, p.annualizedReturn());
        assertUndefined(NEEDS_TWO, p.annualizedVolatility());
        assertUndefined(NEEDS_TWO, p.sharpeRatio());
        assertUndefined(NEEDS_TWO, p.sortinoRatio());
        assertValue(0.010000000000000009, p.maxDrawdown());
        assertValue(-92.05545483094454, p.calmarRatio());
        assertValue(0.0, p.winRate());
        assertEquals(1, p.totalTrades());
        assertNoNonFinite(p);
    }

    @Test
    void emptySeries() {
        Performance p = PerformanceMetrics.compute(Collections.emptyList());
        metrics(p).forEach(m -> assertUndefined(NO_OUTCOMES, m));
        assertEquals(0, p.totalTrades());
    }

    @Test
    void constantSeriesHasZeroVolatility() {
        // numpy, CONSTANT [0.01] * 10, rf = 0 (volatility exactly 0 for a constant series)
        Performance p = PerformanceMetrics.compute(Collections.nCopies(10, new BigDecimal("0.01")));
        assertValue(0.10462212541120453, p.totalReturn());
        assertValue(11.27400209924022, p.annualizedReturn());
        assertEquals(0, BigDecimal.ZERO.compareTo(p.annualizedVolatility().value()));
        assertUndefined(ZERO_VOLATILITY, p.sharpeRatio());
        assertUndefined(NOTHING_BELOW_RISK_FREE, p.sortinoRatio());
        assertValue(0.0, p.maxDrawdown());
        assertUndefined(NO_DRAWDOWN, p.calmarRatio());
        assertValue(1.0, p.winRate());
        assertNoNonFinite(p);
    }

    @Test
    void constantSeriesWithRiskFreeRateStillHasZeroVolatility() {
        Performance p = PerformanceMetrics.compute(Collections.nCopies(7, new BigDecimal("0.0003")),
                252, new BigDecimal("0.0001"));
        assertUndefined(ZERO_VOLATILITY, p.sharpeRatio());
        assertValue(0.0, p.annualizedVolatility());
    }

    @Test
    void lostEverything() {
        // numpy, LOST [0.05, -1.0, 0.02], rf = 0
        Performance p = PerformanceMetrics.compute(returns("0.05", "-1.0", "0.02"));
        assertValue(-1.0, p.totalReturn());
        assertUndefined(LOST_EVERYTHING, p.annualizedReturn());
        assertValue(9.488919854229986, p.annualizedVolatility());
        assertValue(-8.232760019063239, p.sharpeRatio());
        assertValue(-8.523590792617863, p.sortinoRatio());
        assertValue(1.0, p.maxDrawdown());
        assertUndefined(LOST_EVERYTHING, p.calmarRatio());
        assertValue(0.6666666666666666, p.winRate());
        assertEquals(3, p.totalTrades());
        assertNoNonFinite(p);
    }

    @Test
    void breakEvenReturnIsATradeButNotAWin() {
        // numpy, BREAK_EVEN [0.02, 0.0, -0.01, 0.0, 0.03], rf = 0
        Performance p = PerformanceMetrics.compute(returns("0.02", "0.0", "-0.01", "0.0", "0.03"));
        assertValue(0.4, p.winRate());
        assertEquals(5, p.totalTrades());
        assertValue(0.040094000000000074, p.totalReturn());
        assertValue(6.252013262413319, p.annualizedReturn());
        assertValue(0.26084478143140993, p.annualizedVolatility());
        assertValue(7.728734264634368, p.sharpeRatio());
        assertValue(28.397182958878155, p.sortinoRatio());
        assertValue(0.009999999999999986, p.maxDrawdown());
        assertValue(625.2013262413328, p.calmarRatio());
        assertNoNonFinite(p);
    }

    @Test
    void valueTooLargeForTheColumnIsUndefined() {
        // numpy, HUGE [0.5]: annualizedReturn = 1.5^252 - 1 = 2.371358864813513e+44
        Performance p = PerformanceMetrics.compute(returns("0.5"));
        assertValue(0.5, p.totalReturn());
        assertUndefined(TOO_LARGE, p.annualizedReturn());
        assertUndefined(NO_DRAWDOWN, p.calmarRatio());
        assertNoNonFinite(p);
    }

    @Test
    void metricFactories() {
        assertUndefined(NOT_FINITE, Metric.of(Double.NaN));
        assertUndefined(NOT_FINITE, Metric.of(Double.POSITIVE_INFINITY));
        assertUndefined(NOT_FINITE, Metric.of(Double.NEGATIVE_INFINITY));
        assertUndefined(TOO_LARGE, Metric.of(1e10));
        assertUndefined(TOO_LARGE, Metric.of(-2e10));
        assertEquals(new BigDecimal("9999999999.0000000000"), Metric.of(9_999_999_999.0).value());
        assertEquals(new BigDecimal("0.1234567890"), Metric.of(0.12345678904).value());
        assertEquals(new BigDecimal("0E-10"), Metric.of(-0.0).value());
        assertThrows(IllegalArgumentException.class, () -> new Metric(null, null));
        assertThrows(IllegalArgumentException.class, () -> new Metric(BigDecimal.ONE, "both"));
    }

    private static List<BigDecimal> returns(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static List<Metric> metrics(Performance p) {
        return List.of(p.totalReturn(), p.annualizedReturn(), p.annualizedVolatility(), p.sharpeRatio(),
                p.sortinoRatio(), p.calmarRatio(), p.maxDrawdown(), p.winRate());
    }

    private static void assertValue(double expected, Metric actual) {
        assertNotNull(actual.value(), () -> "undefined: " + actual.reason());
        assertNull(actual.reason());
        assertEquals(PerformanceMetrics.SCALE, actual.value().scale());
        assertEquals(expected, actual.value().doubleValue(), TOLERANCE);
    }

    private static void assertUndefined(String reason, Metric actual) {
        assertNull(actual.value());
        assertEquals(reason, actual.reason());
    }

    /** No metric stands for a NaN or an infinity: each has a value or a deliberate reason. */
    private static void assertNoNonFinite(Performance p) {
        for (Metric m : metrics(p)) {
            assertTrue(m.defined() != (m.reason() != null), m.toString());
            assertTrue(!NOT_FINITE.equals(m.reason()), m.toString());
        }
    }
}
