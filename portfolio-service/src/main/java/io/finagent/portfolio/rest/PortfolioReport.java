package io.finagent.portfolio.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/portfolios/{id}}: the portfolio, its positions, and its P&L with
 * commissions apart: {@code net = realizedGross + unrealized + dividends − commissions}, which
 * equals {@code currentValue − initialCapital} once every position has a price.
 */
public record PortfolioReport(PortfolioResponse portfolio, List<PositionResponse> positions, Pnl pnl) {

    public record Pnl(BigDecimal realizedGross, BigDecimal unrealized, BigDecimal dividends, BigDecimal commissions,
                      BigDecimal net) {
    }

    /** One position; {@code openedAt}: its first trade since it was last flat (null when flat). */
    public record PositionResponse(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal costBasis,
                                   BigDecimal realizedPnl, BigDecimal currentPrice, BigDecimal marketValue,
                                   BigDecimal unrealizedPnl, Instant priceUpdatedAt, Instant openedAt) {
    }
}
