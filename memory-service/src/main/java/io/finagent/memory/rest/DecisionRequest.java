package io.finagent.memory.rest;

import io.finagent.memory.domain.DecisionType;
import io.finagent.platform.validation.Happened;
import io.finagent.platform.validation.Symbol;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/v1/decisions}; with a {@code sessionId} the decision also enters that
 * session's working memory; {@code contextId} names the context (GET /context) it was made with.
 */
public record DecisionRequest(
        @NotNull @Positive Long strategyId,
        @NotNull @Symbol String symbol,
        @NotNull DecisionType decisionType,
        @NotNull @DecimalMin(value = "0", message = "must be between 0 and 1")
        @DecimalMax(value = "1", message = "must be between 0 and 1")
        @Digits(integer = 1, fraction = 4, message = "must have at most 4 decimals") BigDecimal confidence,
        @Size(max = 20000) String reasoning,
        @NotNull @Valid MarketContextRequest marketContext,
        @Size(max = 100) List<@NotNull @Positive Long> citedMemoryIds,
        @Size(max = 100) List<@NotNull @Positive Long> citedPatternIds,
        @Positive Integer horizonMinutes,
        @Happened Instant decidedAt,
        @Pattern(regexp = SessionResource.SESSION_ID, message = SessionResource.SESSION_ID_RULE) String sessionId,
        UUID contextId) {
}
