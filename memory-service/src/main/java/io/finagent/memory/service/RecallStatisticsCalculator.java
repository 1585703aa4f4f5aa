package io.finagent.memory.service;

import io.finagent.memory.domain.RecallStatistics;
import io.finagent.memory.domain.Wilson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Statistics over the outcomes recall may show; exact decimals, rounded to 10 places at the end. */
final class RecallStatisticsCalculator {

    /** One outcome that may be shown, over the period it was earned in ({@code from} to {@code to}) on its symbol. */
    record KnownOutcome(BigDecimal value, String symbol, Instant from, Instant to) {
    }

    private static final int SCALE = 10;
    private static final MathContext MC = MathContext.DECIMAL128;

    private RecallStatisticsCalculator() {
    }

    static RecallStatistics over(int recalled, List<KnownOutcome> known) {
        List<BigDecimal> outcomes = known.stream().map(KnownOutcome::value).sorted().toList();
        int n = outcomes.size();
        if (n == 0) {
            return new RecallStatistics(recalled, 0, 0, null, null, null, null, null, null, null);
        }
        long wins = outcomes.stream().filter(o -> o.signum() > 0).count();
        BigDecimal mean = outcomes.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(n), MC);
        BigDecimal median = n % 2 == 1 ? outcomes.get(n / 2)
                : outcomes.get(n / 2 - 1).add(outcomes.get(n / 2)).divide(BigDecimal.valueOf(2), MC);
        BigDecimal low = null;
        BigDecimal high = null;
        if (n >= 2) {
            BigDecimal squares = outcomes.stream().map(o -> o.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal std = squares.divide(BigDecimal.valueOf(n - 1), MC).sqrt(MC);
            BigDecimal half = new BigDecimal("1.96").multiply(std).divide(BigDecimal.valueOf(n).sqrt(MC), MC);
            low = round(mean.subtract(half));
            high = round(mean.add(half));
        }
        return new RecallStatistics(recalled, n, independent(known),
                BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(n), SCALE, RoundingMode.HALF_EVEN),
                round(BigDecimal.valueOf(Wilson.lower(wins, n))), round(BigDecimal.valueOf(Wilson.upper(wins, n))),
                round(mean), round(median), low, high);
    }

    /** The most outcomes with pairwise disjoint periods per symbol: earliest end first (interval scheduling). */
    static int independent(List<KnownOutcome> known) {
        Map<String, Instant> lastEnd = new HashMap<>();
        int count = 0;
        for (KnownOutcome o : known.stream().sorted(Comparator.comparing(KnownOutcome::to).thenComparing(KnownOutcome::from)).toList()) {
            Instant end = lastEnd.get(o.symbol());
            if (end == null || o.from().isAfter(end)) {
                lastEnd.put(o.symbol(), o.to());
                count++;
            }
        }
        return count;
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
