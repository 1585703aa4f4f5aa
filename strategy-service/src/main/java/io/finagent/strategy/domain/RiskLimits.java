package io.finagent.strategy.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The risk limits a strategy's config may set, under {@code "risk"}: {@code maxDrawdown} (a
 * fraction: 0.1 = a 10 % fall from the peak) and {@code maxLosingStreak} (a count of losing
 * outcomes in a row). A limit is passed when the value reaches it; a warning is raised by the
 * outcome that passes it, not by the ones after, until the value is back under the limit.
 */
public record RiskLimits(BigDecimal maxDrawdown, Integer maxLosingStreak) {

    /** A limit passed: what, by how much, and the limit. */
    public record Breach(String limit, BigDecimal value, BigDecimal threshold, String message) {
    }

    @SuppressWarnings("unchecked")
    public static RiskLimits of(Map<String, Object> config) {
        if (!(config.get("risk") instanceof Map<?, ?> risk)) {
            return new RiskLimits(null, null);
        }
        Map<String, Object> limits = (Map<String, Object>) risk;
        return new RiskLimits(limits.get("maxDrawdown") instanceof Number d ? new BigDecimal(d.toString()) : null,
                limits.get("maxLosingStreak") instanceof Number n ? n.intValue() : null);
    }

    /** The limits that {@code after} (the series with the new outcome) passes and {@code before} did not. */
    public List<Breach> passed(List<BigDecimal> before, List<BigDecimal> after) {
        List<Breach> breaches = new ArrayList<>();
        if (maxDrawdown != null) {
            BigDecimal now = drawdown(after);
            if (drawdown(before).compareTo(maxDrawdown) < 0 && now.compareTo(maxDrawdown) >= 0) {
                breaches.add(new Breach("maxDrawdown", now, maxDrawdown, "drawdown of " + percent(now)
                        + " reached the limit of " + percent(maxDrawdown)));
            }
        }
        if (maxLosingStreak != null) {
            int now = losingStreak(after);
            if (losingStreak(before) < maxLosingStreak && now >= maxLosingStreak) {
                breaches.add(new Breach("maxLosingStreak", BigDecimal.valueOf(now), BigDecimal.valueOf(maxLosingStreak),
                        now + " losing outcomes in a row reached the limit of " + maxLosingStreak));
            }
        }
        return breaches;
    }

    /** The fall of wealth from its peak after the last outcome; wealth starts at 1, exactly, in decimal. */
    static BigDecimal drawdown(List<BigDecimal> returns) {
        BigDecimal wealth = BigDecimal.ONE;
        BigDecimal peak = BigDecimal.ONE;
        for (BigDecimal r : returns) {
            wealth = wealth.multiply(BigDecimal.ONE.add(r), MathContext.DECIMAL128);
            peak = peak.max(wealth);
        }
        return peak.subtract(wealth).divide(peak, MathContext.DECIMAL128);
    }

    /** Losing outcomes (below zero) at the end of the series; a break-even one ends a streak. */
    static int losingStreak(List<BigDecimal> returns) {
        int streak = 0;
        for (int i = returns.size() - 1; i >= 0 && returns.get(i).signum() < 0; i--) {
            streak++;
        }
        return streak;
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + " %";
    }
}
