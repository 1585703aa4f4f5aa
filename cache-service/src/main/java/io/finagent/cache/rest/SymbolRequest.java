package io.finagent.cache.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.finagent.cache.domain.AssetType;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Body of {@code PUT /api/v1/symbols/{symbol}}: the symbol's reference data, every field optional. */
public record SymbolRequest(
        @Size(max = 200) String name,
        @Size(min = 1, max = 32) String exchange,
        AssetType assetType,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") String currency,
        @Size(max = 100) String sector,
        @Size(max = 100) String industry,
        @PositiveOrZero @Digits(integer = 16, fraction = 8, message = "must have at most 16 digits before the point and 8 after") BigDecimal marketCap,
        Boolean active,
        JsonNode metadata) {
}
