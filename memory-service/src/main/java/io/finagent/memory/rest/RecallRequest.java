package io.finagent.memory.rest;

import io.finagent.platform.validation.ReadableInstant;
import io.finagent.platform.validation.Symbol;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Instant;

/** Body of {@code POST /api/v1/recall}: the current context, optional filters, k (default 10), asOf (default now), exact (compare with every candidate instead of the HNSW graph). */
public record RecallRequest(
        @NotNull @Valid MarketContextRequest marketContext,
        @Symbol String symbol,
        @Positive Long strategyId,
        @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") Integer k,
        @ReadableInstant Instant asOf,
        Boolean exact) {
}
