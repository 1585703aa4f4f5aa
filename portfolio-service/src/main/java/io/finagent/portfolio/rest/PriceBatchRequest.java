package io.finagent.portfolio.rest;

import io.finagent.platform.validation.Symbol;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Body of {@code POST /api/v1/prices}: prices of symbols at one instant (now when absent). */
public record PriceBatchRequest(
        Instant at,
        @NotEmpty @Size(max = 5000) List<@NotNull @Valid Price> prices) {

    public record Price(
            @NotNull @Symbol String symbol,
            @NotNull @Positive @Digits(integer = 16, fraction = 8, message = Money.RULE) BigDecimal price) {
    }
}
