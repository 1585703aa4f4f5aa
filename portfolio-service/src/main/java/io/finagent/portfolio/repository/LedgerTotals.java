package io.finagent.portfolio.repository;

import java.math.BigDecimal;

/** Totals of a portfolio's ledger that no position row holds. */
public record LedgerTotals(BigDecimal commissions, BigDecimal dividends) {
}
