package io.finagent.portfolio.rest;

import java.time.Instant;

/** What a price batch changed: positions marked to market and portfolios re-valued. */
public record PriceBatchResponse(Instant at, int prices, int positionsMarked, int portfoliosValued) {
}
