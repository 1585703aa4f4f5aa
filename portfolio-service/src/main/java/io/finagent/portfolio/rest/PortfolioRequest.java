package io.finagent.portfolio.rest;

import io.finagent.portfolio.domain.AccountingMethod;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Body of {@code POST /api/v1/portfolios}; defaults: USD, AVERAGE_COST, no short selling, no margin. */
public record PortfolioRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be a 3-letter currency code such as USD") String baseCurrency,
        @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 8, message = Money.RULE) BigDecimal initialCapital,
        AccountingMethod accountingMethod,
        Boolean allowShortSelling,
        Boolean allowMargin,
        @Positive Long strategyId) {
}
