package io.finagent.strategy.rest;

import io.finagent.strategy.domain.StrategyStatus;
import io.finagent.strategy.domain.StrategyType;

import java.time.Instant;
import java.util.Map;

public record StrategyResponse(
        long id,
        String name,
        String description,
        StrategyType type,
        Map<String, Object> config,
        StrategyStatus status,
        int currentVersion,
        Integer defaultHorizonMinutes,
        long decisionCount,
        Instant lastUsed,
        Instant createdAt,
        Instant updatedAt) {
}
