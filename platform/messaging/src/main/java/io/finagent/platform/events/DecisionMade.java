package io.finagent.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Data of {@code finagent.decision.made.v1}: the agent decided; outcome to be measured later. */
public record DecisionMade(
        long decisionId,
        String userId,
        long strategyId,
        String symbol,
        String decisionType,
        BigDecimal confidence,
        Integer horizonMinutes,
        Instant decidedAt,
        List<Long> citedMemoryIds,
        List<Long> citedPatternIds) {
}
