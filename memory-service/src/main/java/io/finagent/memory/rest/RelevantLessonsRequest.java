package io.finagent.memory.rest;

import io.finagent.memory.domain.MemoryType;
import io.finagent.platform.validation.ReadableInstant;
import io.finagent.platform.validation.Symbol;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/v1/memories/relevant}: the market now (optional: without it lessons rank
 * by relevance and evidence alone), an optional symbol and strategy, the memory types (default
 * FEEDBACK and OBSERVATION, the agent's lessons), k (default 10) and asOf (default now).
 */
public record RelevantLessonsRequest(
        @Valid MarketContextRequest marketContext,
        @Symbol String symbol,
        @Positive Long strategyId,
        @Size(min = 1, max = 4, message = "must name 1 to 4 memory types") List<@NotNull MemoryType> memoryTypes,
        @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") Integer k,
        @ReadableInstant Instant asOf) {
}
