package io.finagent.memory.domain;

import java.math.BigDecimal;

/**
 * Over the recalled decisions (or episodes) whose outcome was known by asOf: how many, share of
 * wins (outcome above 0) with its 95% Wilson interval, mean and median outcome, and the 95%
 * confidence interval of the mean (normal approximation, mean ± 1.96·s/√n; null below two
 * outcomes). {@code independentOutcomes}: the most of them whose periods (decision to measurement,
 * or an episode's start to end) do not overlap on one symbol; overlapping ones rode the same
 * price moves, so a win rate resting on few independent outcomes is more luck than it looks.
 */
public record RecallStatistics(int recalled, int withOutcome, int independentOutcomes, BigDecimal winRate,
                               BigDecimal winRateLow95, BigDecimal winRateHigh95, BigDecimal meanOutcome,
                               BigDecimal medianOutcome, BigDecimal meanLow95, BigDecimal meanHigh95) {
}
