package io.finagent.portfolio.rest;

import io.finagent.portfolio.series.EquityPoint;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/portfolios/{id}/history}: intervals without a valuation have no point. */
public record HistoryResponse(long portfolioId, Instant from, Instant to, long intervalSeconds, List<EquityPoint> points) {
}
