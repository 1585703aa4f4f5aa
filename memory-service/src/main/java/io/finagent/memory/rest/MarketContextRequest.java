package io.finagent.memory.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * The market as the agent saw it: named numeric features (returns over windows, volatility,
 * RSI, volume ratio, ...) that recall compares, plus free JSON kept as is. JSON has no NaN or
 * infinity, so every feature that parses is a finite number.
 */
public record MarketContextRequest(
        @NotEmpty(message = "must name at least one feature") @Size(max = 256)
        Map<@NotNull @Size(min = 1, max = 64) String, @NotNull Double> features,
        JsonNode notes) {
}
