package io.finagent.strategy.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Performance of a strategy from its simple returns r_1..r_n (one per measured decision, in time
 * order), with the definitions of empyrical as pyfolio uses them, computed in double (empyrical is
 * float64). P is the number of periods per year (252 by default), rf the risk-free rate per period
 * (0 by default), x_i = r_i - rf, std is the sample standard deviation (ddof = 1):
 * <ul>
 *   <li>totalReturn = prod(1 + r_i) - 1</li>
 *   <li>annualizedReturn = prod(1 + r_i) ^ (P / n) - 1</li>
 *   <li>annualizedVolatility = std(r) * sqrt(P)</li>
 *   <li>sharpeRatio = mean(x) / std(x) * sqrt(P)</li>
 *   <li>sortinoRatio = mean(x) * P / downsideRisk, downsideRisk = sqrt(mean over all n of min(x_i, 0)^2) * sqrt(P)</li>
 *   <li>maxDrawdown = max_t (peak_t - w_t) / peak_t, with w_0 = 1 before the first return,
 *       w_t = w_(t-1) * (1 + r_t) and peak_t = max(w_0..w_t); a positive fraction, 0.2 = a 20 % fall</li>
 *   <li>calmarRatio = annualizedReturn / maxDrawdown</li>
 *   <li>winRate = #{r_i > 0} / n (a break-even return is a trade, not a win); totalTrades = n</li>
 * </ul>
 * A metric that is undefined carries a reason instead of a value, never NaN or infinity. A constant
 * series has a standard deviation of exactly 0 (rounding of its mean would leave about 1e-17).
 */
public final class PerformanceMetrics {

    public static final int PERIODS_PER_YEAR = 252;
    /** Scale of the stored values, as the NUMERIC(20,10) columns. */
    public static final int SCALE = 10;

    public static final String NO_OUTCOMES = "no outcomes in the period";
    public static final String NEEDS_TWO = "needs at least two outcomes";
    public static final String ZERO_VOLATILITY = "zero volatility";
    public static final String NOTHING_BELOW_RISK_FREE = "no return below the risk-free rate";
    public static final String NO_DRAWDOWN = "no drawdown";
    public static final String LOST_EVERYTHING = "the strategy lost everything";
    public static final String NOT_FINITE = "not finite";
    public static final String TOO_LARGE = "too large to store";

    /** A value rounded to {@link #SCALE} decimals, or {@code null} and the reason it is undefined. */
    public record Metric(BigDecimal value, String reason) {
        public Metric {
            if ((value == null) == (reason == null)) {
                throw new IllegalArgumentException("a metric has either a value or a reason");
            }
        }

        public static Metric of(double v) {
            if (!Double.isFinite(v)) return undefined(NOT_FINITE);
            if (Math.abs(v) >= 1e10) return undefined(TOO_LARGE);
            return new Metric(BigDecimal.valueOf(v).setScale(SCALE, RoundingMode.HALF_EVEN), null);
        }

        public static Metric undefined(String reason) {
            return new Metric(null, Objects.requireNonNull(reason));
        }

        public boolean defined() {
            return value != null;
        }
    }

    public record Performance(Metric totalReturn, Metric annualizedReturn, Metric annualizedVolatility,
                              Metric sharpeRatio, Metric sortinoRatio, Metric calmarRatio,
                              Metric maxDrawdown, Metric winRate, long totalTrades) {}

    private PerformanceMetrics() {}

    /** With 252 periods per year and a risk-free rate of 0. */
    public static Performance compute(List<BigDecimal> returns) {
        return compute(returns, PERIODS_PER_YEAR, BigDecimal.ZERO);
    }

    public static Performance compute(List<BigDecimal> returns, int periodsPerYear, BigDecimal riskFreePerPeriod) {
        if (periodsPerYear <= 0) throw new IllegalArgumentException("periodsPerYear must be positive");
        double rf = riskFreePerPeriod.doubleValue();
        double[] r = returns.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        int n = r.length;
        if (n == 0) {
            Metric none = Metric.undefined(NO_OUTCOMES);
            return new Performance(none, none, none, none, none, none, none, none, 0);
        }

        double wealth = 1, peak = 1, maxDrawdown = 0;
        int wins = 0;
        for (double ri : r) {
            wealth *= 1 + ri;
            peak = Math.max(peak, wealth);
            maxDrawdown = Math.max(maxDrawdown, (peak - wealth) / peak);
            if (ri > 0) wins++;
        }
        double annual = Math.pow(wealth, (double) periodsPerYear / n) - 1;
        Metric annualizedReturn = wealth > 0 ? Metric.of(annual) : Metric.undefined(LOST_EVERYTHING);
        Metric calmar = wealth <= 0 ? Metric.undefined(LOST_EVERYTHING)
                : maxDrawdown == 0 ? Metric.undefined(NO_DRAWDOWN)
                : Metric.of(annual / maxDrawdown);

        Metric volatility, sharpe, sortino;
        if (n < 2) {
            volatility = sharpe = sortino = Metric.undefined(NEEDS_TWO);
        } else {
            double sqrtP = Math.sqrt(periodsPerYear);
            double[] x = Arrays.stream(r).map(ri -> ri - rf).toArray();
            double meanX = mean(x), stdX = sampleStd(x);
            double downsideRisk = Math.sqrt(Arrays.stream(x).map(xi -> xi < 0 ? xi * xi : 0).sum() / n) * sqrtP;
            volatility = Metric.of(sampleStd(r) * sqrtP);
            sharpe = stdX == 0 ? Metric.undefined(ZERO_VOLATILITY) : Metric.of(meanX / stdX * sqrtP);
            sortino = downsideRisk == 0 ? Metric.undefined(NOTHING_BELOW_RISK_FREE)
                    : Metric.of(meanX * periodsPerYear / downsideRisk);
        }
        return new Performance(Metric.of(wealth - 1), annualizedReturn, volatility, sharpe, sortino, calmar,
                Metric.of(maxDrawdown), Metric.of((double) wins / n), n);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).sum() / v.length;
    }

    /** sqrt(sum((v_i - mean)^2) / (n - 1)); exactly 0 when all values are equal. */
    private static double sampleStd(double[] v) {
        if (Arrays.stream(v).allMatch(vi -> vi == v[0])) return 0;
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(vi -> (vi - m) * (vi - m)).sum() / (v.length - 1));
    }
}
