package io.finagent.memory.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.finagent.platform.validation.Finite;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * The market as the agent saw it: named numeric features (returns over windows, volatility,
 * RSI, volume ratio, ...) that recall compares, plus free JSON kept as is. Every feature is finite
 * and at most 1e12 in magnitude: a parser reads {@code 1e400} as infinity, and {@code "NaN"} as NaN.
 */
public record MarketContextRequest(
        @NotEmpty(message = "must name at least one feature") @Size(max = 256)
        Map<@NotNull @Size(min = 1, max = 64) String, @NotNull @Finite Double> features,
        JsonNode notes) {
}
