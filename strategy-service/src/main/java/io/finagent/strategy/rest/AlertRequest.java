package io.finagent.strategy.rest;

import io.finagent.platform.validation.Symbol;
import io.finagent.strategy.domain.AlertType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** Body of {@code POST /alerts}: priority 1 (low) to 4 (critical), 2 by default. */
public record AlertRequest(
        @NotNull AlertType type,
        @Min(value = 1, message = "must be between 1 and 4") @Max(value = 4, message = "must be between 1 and 4") Integer priority,
        @NotBlank @Size(max = 2000) String message,
        Map<String, Object> details,
        @Positive Long strategyId,
        @Symbol String symbol) {
}
