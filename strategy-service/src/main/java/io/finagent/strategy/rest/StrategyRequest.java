package io.finagent.strategy.rest;

import io.finagent.strategy.domain.StrategyStatus;
import io.finagent.strategy.domain.StrategyType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * Body of {@code POST /strategies} and {@code PUT /strategies/{id}}. PUT replaces the strategy:
 * a different {@code config} becomes the next version (with {@code changelog}); a null
 * {@code status} keeps the current one, a null {@code config} keeps the current one on PUT
 * and is {} on POST.
 */
public record StrategyRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotNull StrategyType type,
        Map<String, Object> config,
        StrategyStatus status,
        @Positive Integer defaultHorizonMinutes,
        @Size(max = 2000) String changelog) {
}
