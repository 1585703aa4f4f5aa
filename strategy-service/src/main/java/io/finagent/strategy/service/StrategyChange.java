package io.finagent.strategy.service;

import io.finagent.strategy.domain.StrategyStatus;
import io.finagent.strategy.domain.StrategyType;

import java.util.Map;

/** What a PUT asks of a strategy; a null config or status keeps the current one. */
public record StrategyChange(String name, String description, StrategyType type, Map<String, Object> config,
                             StrategyStatus status, Integer defaultHorizonMinutes, String changelog) {
}
