package io.finagent.portfolio.service;

import io.finagent.portfolio.domain.Portfolio;
import io.finagent.portfolio.domain.Position;
import io.finagent.portfolio.repository.LedgerTotals;

import java.util.List;

/** A portfolio with its positions and the ledger totals its report shows. */
public record PortfolioView(Portfolio portfolio, List<Position> positions, LedgerTotals totals) {
}
