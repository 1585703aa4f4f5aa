package io.finagent.portfolio.rest;

import java.math.BigDecimal;
import java.time.Instant;

/** Where the measurement of a decision's outcome stands, and the paper trade that executed it. */
public record OutcomeResponse(
        long decisionId,
        long strategyId,
        String symbol,
        String decisionType,
        Instant decidedAt,
        int horizonMinutes,
        String horizonSource,
        Instant dueAt,
        String status,
        BigDecimal referencePrice,
        Instant referencePriceAt,
        BigDecimal exitPrice,
        Instant exitPriceAt,
        BigDecimal outcome,
        Instant measuredAt,
        String reason,
        Long paperPortfolioId,
        Long paperTransactionId,
        String paperNote) {
}
