package io.finagent.portfolio.rest;

import io.finagent.platform.validation.Happened;
import io.finagent.platform.validation.Symbol;
import io.finagent.portfolio.domain.TransactionType;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Body of {@code POST /api/v1/portfolios/{id}/transactions}. BUY and SELL need quantity and
 * price; DIVIDEND needs amount (the cash received); SPLIT needs splitRatio (new units per old).
 * Notes are the client's own words about the trade, kept with it.
 */
public record TransactionRequest(
        @NotNull TransactionType type,
        @NotNull @Symbol String symbol,
        @Positive @Digits(integer = 18, fraction = 10, message = Money.QUANTITY_RULE) BigDecimal quantity,
        @PositiveOrZero @Digits(integer = 16, fraction = 8, message = Money.RULE) BigDecimal price,
        @PositiveOrZero @Digits(integer = 16, fraction = 8, message = Money.RULE) BigDecimal amount,
        @PositiveOrZero @Digits(integer = 16, fraction = 8, message = Money.RULE) BigDecimal commission,
        @Positive @Digits(integer = 10, fraction = 10, message = Money.RATIO_RULE) BigDecimal splitRatio,
        @Happened Instant executedAt,
        @Size(max = 2000) String notes) {
}
