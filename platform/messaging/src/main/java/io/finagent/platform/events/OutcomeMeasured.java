package io.finagent.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/** Data of {@code finagent.outcome.measured.v1}: the signed return of a decision over its horizon. */
public record OutcomeMeasured(
        long decisionId,
        String userId,
        long strategyId,
        String symbol,
        String decisionType,
        BigDecimal outcome,
        BigDecimal referencePrice,
        BigDecimal exitPrice,
        Instant decidedAt,
        Instant measuredAt) {
}
