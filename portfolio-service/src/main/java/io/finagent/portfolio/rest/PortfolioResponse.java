package io.finagent.portfolio.rest;

import io.finagent.portfolio.domain.AccountingMethod;

import java.math.BigDecimal;
import java.time.Instant;

public record PortfolioResponse(Long id, String name, String description, String baseCurrency, BigDecimal initialCapital,
                                BigDecimal cashBalance, BigDecimal currentValue, Instant valuedAt,
                                AccountingMethod accountingMethod, boolean allowShortSelling, boolean allowMargin,
                                Long strategyId, Instant createdAt, Instant updatedAt) {
}
