package io.finagent.portfolio.rest;

import io.finagent.portfolio.domain.TransactionType;

import java.math.BigDecimal;
import java.time.Instant;

public record TransactionResponse(Long id, Long portfolioId, TransactionType type, String symbol, BigDecimal quantity,
                                  BigDecimal price, BigDecimal amount, BigDecimal commission, BigDecimal splitRatio,
                                  BigDecimal realizedPnl, BigDecimal cashBalanceAfter, Long decisionId, Long strategyId, String notes,
                                  Instant executedAt, Instant createdAt) {
}
