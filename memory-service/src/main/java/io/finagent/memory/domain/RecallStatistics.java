package io.finagent.memory.domain;

import java.math.BigDecimal;

/**
 * Over the recalled decisions whose outcome was known by asOf: how many, share of wins (outcome
 * above 0), mean and median outcome, and the 95% confidence interval of the mean (normal
 * approximation, mean ± 1.96·s/√n; null below two outcomes).
 */
public record RecallStatistics(int recalled, int withOutcome, BigDecimal winRate, BigDecimal meanOutcome,
                               BigDecimal medianOutcome, BigDecimal meanLow95, BigDecimal meanHigh95) {
}
