package io.finagent.memory.rest;

import io.finagent.platform.validation.Symbol;
import io.finagent.platform.validation.ReadableInstant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** Body of {@code POST /api/v1/patterns/relevant}: the market now, an optional symbol, k (default 10), asOf (default now). */
public record RelevantPatternsRequest(
        @NotNull @Valid MarketContextRequest marketContext,
        @Symbol String symbol,
        @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") Integer k,
        @ReadableInstant Instant asOf) {
}
