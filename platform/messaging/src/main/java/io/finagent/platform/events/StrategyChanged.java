package io.finagent.platform.events;

import java.time.Instant;

/**
 * Data of {@code finagent.strategy.changed.v1}: a strategy as it is after a change (created,
 * configured, status changed). Consumers keep the latest by {@code changedAt}; portfolio-service
 * takes from it the default horizon of the strategy's decisions.
 */
public record StrategyChanged(
        long strategyId,
        String userId,
        String name,
        String status,
        Integer defaultHorizonMinutes,
        int version,
        Instant changedAt) {
}
