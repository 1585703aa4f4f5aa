package io.finagent.strategy.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A period's metrics; a null metric is undefined, and {@code undefined} says why (metric name to reason). */
public record PerformanceResponse(
        long strategyId,
        Instant from,
        Instant to,
        BigDecimal totalReturn,
        BigDecimal annualizedReturn,
        BigDecimal annualizedVolatility,
        BigDecimal sharpeRatio,
        BigDecimal sortinoRatio,
        BigDecimal calmarRatio,
        BigDecimal maxDrawdown,
        BigDecimal winRate,
        long totalTrades,
        Map<String, String> undefined,
        Instant computedAt) {
}
