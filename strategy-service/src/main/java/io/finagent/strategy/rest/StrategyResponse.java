package io.finagent.strategy.rest;

import io.finagent.strategy.domain.StrategyStatus;
import io.finagent.strategy.domain.StrategyType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** A strategy as read. */
public record StrategyResponse(
        long id,
        String name,
        String description,
        StrategyType type,
        Map<String, Object> config,
        StrategyStatus status,
        int currentVersion,
        Integer defaultHorizonMinutes,
        @Schema(description = "Decisions accepted under the strategy") long decisionCount,
        @Schema(description = "When the strategy was last used: the decidedAt of the latest decision accepted under it"
                + " (not when its event arrived); null until the first") Instant lastUsed,
        Instant createdAt,
        Instant updatedAt) {
}
