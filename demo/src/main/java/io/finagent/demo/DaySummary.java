package io.finagent.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** What an agent's day came to, from the services' own answers: its decisions and their outcomes, the strategy, the portfolio. */
public record DaySummary(long seed, int days, List<String> symbols, long strategyId, long portfolioId,
                         List<Decision> decisions, JsonNode performance, BigDecimal initialCapital, BigDecimal currentValue,
                         List<EquityPoint> equity) {

    /** One decision as recorded, what the rule alone would have decided, and its outcome as memory-service learned it. */
    public record Decision(long id, Instant decidedAt, String symbol, String decisionType, String rule, boolean followedRecall,
                           String reasoning, BigDecimal outcome) {

        Decision withOutcome(BigDecimal measured) {
            return new Decision(id, decidedAt, symbol, decisionType, rule, followedRecall, reasoning, measured);
        }

        /**
         * The decision the rule alone would have taken, with its outcome: the same, or, where recall took the other
         * side, the opposite return (a SELL earns exactly what the BUY would have lost, from the same prices).
         */
        Decision ruleAlone() {
            return rule.equals(decisionType) ? this
                    : new Decision(id, decidedAt, symbol, rule, rule, followedRecall, reasoning, outcome == null ? null : outcome.negate());
        }

        boolean won() {
            return outcome != null && outcome.signum() > 0;
        }
    }

    public record EquityPoint(Instant at, BigDecimal value) {
    }

    /** Decisions, measured outcomes and wins of one group. */
    public record Tally(int decisions, int measured, int wins, double meanOutcome) {

        static Tally of(List<Decision> group) {
            List<Decision> measured = group.stream().filter(d -> d.outcome() != null).toList();
            double mean = measured.stream().mapToDouble(d -> d.outcome().doubleValue()).average().orElse(Double.NaN);
            return new Tally(group.size(), measured.size(), (int) measured.stream().filter(Decision::won).count(), mean);
        }

        public double winRate() {
            return measured == 0 ? Double.NaN : wins / (double) measured;
        }
    }

    public Tally all() {
        return tally(d -> true);
    }

    public Tally afterRecall() {
        return tally(Decision::followedRecall);
    }

    /** The decisions that followed recall, as the rule alone would have taken them. */
    public Tally ruleAloneWhereRecallWasFollowed() {
        return Tally.of(decisions.stream().filter(Decision::followedRecall).map(Decision::ruleAlone).toList());
    }

    public Tally withoutRecall() {
        return tally(d -> !d.followedRecall());
    }

    public long count(String decisionType) {
        return decisions.stream().filter(d -> d.decisionType().equals(decisionType)).count();
    }

    private Tally tally(Predicate<Decision> group) {
        return Tally.of(decisions.stream().filter(group).toList());
    }

    /** The summary a person reads at the end of bin/demo. */
    public String text() {
        Tally all = all();
        Tally recall = afterRecall();
        Tally alone = withoutRecall();
        StringBuilder s = new StringBuilder();
        s.append("An agent's day: %d trading days of %s (seed %d), strategy %d, portfolio %d%n"
                .formatted(days, String.join(", ", symbols), seed, strategyId, portfolioId));
        s.append("  decisions      %d (BUY %d, SELL %d), outcomes measured %d%n".formatted(all.decisions(), count("BUY"), count("SELL"),
                all.measured()));
        s.append("  win rate       %s, mean outcome %s%n".formatted(percent(all.winRate()), signedPercent(all.meanOutcome())));
        s.append("    after recall %s of %d decisions that followed similar past decisions (mean %s)%n"
                .formatted(percent(recall.winRate()), recall.measured(), signedPercent(recall.meanOutcome())));
        Tally ruleAlone = ruleAloneWhereRecallWasFollowed();
        s.append("                 (the momentum rule alone on those same days: %s, mean %s)%n"
                .formatted(percent(ruleAlone.winRate()), signedPercent(ruleAlone.meanOutcome())));
        s.append("    without      %s of %d decisions with no measured precedent (mean %s)%n"
                .formatted(percent(alone.winRate()), alone.measured(), signedPercent(alone.meanOutcome())));
        // its outcomes overlap (three symbols a day, each held for sixty days), so their compounded total return is no
        // amount anyone earned: the portfolio's line says that
        s.append("  strategy       %d trades, win rate %s, Sharpe %s, Sortino %s (strategy-service's metrics)%n".formatted(
                performance.path("totalTrades").asLong(), metric("winRate", true), metric("sharpeRatio", false),
                metric("sortinoRatio", false)));
        s.append("  portfolio      %s -> %s (%s)%n".formatted(initialCapital.toPlainString(), currentValue.toPlainString(),
                signedPercent(currentValue.doubleValue() / initialCapital.doubleValue() - 1)));
        s.append("  equity curve   %s%n".formatted(sparkline()));
        return s.toString();
    }

    private String metric(String name, boolean asPercent) {
        JsonNode value = performance.path(name);
        if (value.isNull() || value.isMissingNode()) {
            return "n/a";
        }
        return asPercent ? percent(value.asDouble()) : "%.2f".formatted(value.asDouble());
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : "%.1f %%".formatted(share * 100);
    }

    static String signedPercent(double share) {
        return Double.isNaN(share) ? "n/a" : "%+.2f %%".formatted(share * 100);
    }

    private String sparkline() {
        if (equity.isEmpty()) {
            return "(no valuation yet)";
        }
        String bars = "▁▂▃▄▅▆▇█";
        double min = equity.stream().mapToDouble(p -> p.value().doubleValue()).min().orElse(0);
        double max = equity.stream().mapToDouble(p -> p.value().doubleValue()).max().orElse(0);
        StringBuilder line = new StringBuilder();
        int every = Math.max(1, equity.size() / 60);
        for (int i = 0; i < equity.size(); i += every) {
            double v = equity.get(i).value().doubleValue();
            line.append(bars.charAt(max == min ? 0 : (int) Math.round((v - min) / (max - min) * (bars.length() - 1))));
        }
        return line + " (%.2f to %.2f)".formatted(min, max);
    }
}
