package io.finagent.memory.rest;

import io.finagent.memory.domain.MemoryType;
import io.finagent.platform.validation.Happened;
import io.finagent.platform.validation.Symbol;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/memories}; {@code relevanceScore} defaults to 1. A lesson may carry
 * the market it was learned in ({@code marketContext}), the {@code symbol} and {@code strategyId}
 * it holds for, and {@code learnedAt} (default now; earlier when history is replayed).
 */
public record MemoryRequest(
        @NotNull MemoryType memoryType,
        @NotNull Map<String, Object> content,
        @Size(max = 2000) String summary,
        @DecimalMin(value = "0", message = "must be between 0 and 1") @DecimalMax(value = "1", message = "must be between 0 and 1")
        @Digits(integer = 1, fraction = 8, message = "must have at most 8 decimals") BigDecimal relevanceScore,
        @Positive Long decisionId,
        @Valid MarketContextRequest marketContext,
        @Symbol String symbol,
        @Positive Long strategyId,
        @Happened Instant learnedAt) {
}
