package io.finagent.memory.rest;

import io.finagent.platform.validation.Finite;
import io.finagent.platform.validation.ReadableInstant;
import io.finagent.platform.validation.Symbol;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

/** Body of {@code POST /api/v1/episodes/similar}; k defaults to 10, asOf to now. */
public record SimilarEpisodesRequest(
        @NotEmpty(message = "must name at least one feature") @Size(max = 256) Map<@NotNull @Size(min = 1, max = 64) String, @NotNull @Finite Double> features,
        @Symbol String symbol,
        @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") Integer k,
        @ReadableInstant Instant asOf) {
}
