package io.finagent.strategy.rest;

import io.finagent.strategy.domain.AlertStatus;
import io.finagent.strategy.domain.AlertType;

import java.time.Instant;
import java.util.Map;

public record AlertResponse(
        long id,
        AlertType type,
        int priority,
        String message,
        Map<String, Object> details,
        Long strategyId,
        Long decisionId,
        String symbol,
        AlertStatus status,
        Instant createdAt,
        Instant sentAt,
        Instant acknowledgedAt) {
}
