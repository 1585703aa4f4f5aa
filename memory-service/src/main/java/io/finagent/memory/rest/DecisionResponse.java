package io.finagent.memory.rest;

import io.finagent.memory.domain.DecisionType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record DecisionResponse(
        long id,
        long strategyId,
        String symbol,
        DecisionType decisionType,
        BigDecimal confidence,
        String reasoning,
        Map<String, Object> marketContext,
        List<Long> citedMemoryIds,
        List<Long> citedPatternIds,
        Integer horizonMinutes,
        Instant decidedAt,
        BigDecimal outcome,
        Instant outcomeMeasuredAt,
        UUID contextId) {
}
