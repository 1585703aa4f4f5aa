package io.finagent.memory.rest;

import io.finagent.platform.validation.Finite;
import io.finagent.platform.validation.Happened;
import io.finagent.platform.validation.Symbol;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Body of {@code POST /api/v1/episodes}: a trade from entry to exit; {@code features} describe the market at entry. */
public record EpisodeRequest(
        @NotNull @Symbol String symbol,
        @Positive Long strategyId,
        @NotNull @Happened Instant startedAt,
        @Happened Instant endedAt,
        @NotNull Map<String, Object> entry,
        @Size(max = 1000) List<@NotNull Map<String, Object>> steps,
        Map<String, Object> exit,
        @Digits(integer = 10, fraction = 10, message = "must have at most 10 integer and 10 decimal digits") BigDecimal result,
        @NotEmpty(message = "must name at least one feature") @Size(max = 256) Map<@NotNull @Size(min = 1, max = 64) String, @NotNull @Finite Double> features) {
}
