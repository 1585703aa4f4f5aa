package io.finagent.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated daily prices, the same for the same seed: each symbol lives in a regime for a few
 * months at a time. In a RALLY or a SLIDE the price drifts (momentum pays); in CHOP it is pulled
 * back to where the chop began (momentum loses). The agent never sees the regime, only features
 * of the prices, so that what recall finds is what a regime looked like and how deciding in it went.
 */
final class Market {

    enum Regime {
        RALLY(0.002, 0.009), SLIDE(-0.002, 0.009), CHOP(0, 0.012);

        final double drift;
        final double volatility;

        Regime(double drift, double volatility) {
            this.drift = drift;
            this.volatility = volatility;
        }
    }

    /** A regime lasts 1/SWITCH days on average: longer than a decision's horizon, so that the past can teach. */
    private static final double SWITCH = 1.0 / 250;
    private static final double PULL = 0.15;

    private final Random random;
    private final Map<String, List<Double>> closes = new LinkedHashMap<>();
    private final Map<String, Regime> regimes = new LinkedHashMap<>();
    private final Map<String, Double> anchors = new LinkedHashMap<>();

    Market(long seed, List<String> symbols) {
        this.random = new Random(seed);
        for (String symbol : symbols) {
            double first = 50 + random.nextInt(150);
            closes.put(symbol, new ArrayList<>(List.of(first)));
            regimes.put(symbol, Regime.values()[random.nextInt(Regime.values().length)]);
            anchors.put(symbol, first);
        }
    }

    /** One more day for every symbol. */
    void advance() {
        for (String symbol : closes.keySet()) {
            List<Double> series = closes.get(symbol);
            double last = series.get(series.size() - 1);
            if (random.nextDouble() < SWITCH) {
                regimes.put(symbol, Regime.values()[random.nextInt(Regime.values().length)]);
                anchors.put(symbol, last);
            }
            Regime regime = regimes.get(symbol);
            double pull = regime == Regime.CHOP ? -PULL * Math.log(last / anchors.get(symbol)) : 0;
            series.add(last * Math.exp(regime.drift + pull + regime.volatility * random.nextGaussian()));
        }
    }

    List<String> symbols() {
        return List.copyOf(closes.keySet());
    }

    Regime regime(String symbol) {
        return regimes.get(symbol);
    }

    /** Today's close, to the cent. */
    BigDecimal price(String symbol) {
        return BigDecimal.valueOf(last(symbol, 0)).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The features memory-service scales by default (its README, "Recall"): returns, volatility and RSI. */
    Map<String, Double> features(String symbol) {
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("ret_1d", round(last(symbol, 0) / last(symbol, 1) - 1));
        features.put("ret_5d", round(last(symbol, 0) / last(symbol, 5) - 1));
        features.put("ret_20d", round(last(symbol, 0) / last(symbol, 20) - 1));
        features.put("volatility_20d", round(volatility(symbol, 20)));
        features.put("rsi_14", round(rsi(symbol, 14)));
        return features;
    }

    /** Days of history the features need before the first decision. */
    static int warmUp() {
        return 21;
    }

    private double last(String symbol, int daysAgo) {
        List<Double> series = closes.get(symbol);
        return series.get(Math.max(0, series.size() - 1 - daysAgo));
    }

    private double volatility(String symbol, int days) {
        double[] returns = new double[days];
        double mean = 0;
        for (int i = 0; i < days; i++) {
            returns[i] = Math.log(last(symbol, i) / last(symbol, i + 1));
            mean += returns[i] / days;
        }
        double variance = 0;
        for (double r : returns) {
            variance += (r - mean) * (r - mean) / (days - 1);
        }
        return Math.sqrt(variance * 252);
    }

    private double rsi(String symbol, int days) {
        double gains = 0;
        double losses = 0;
        for (int i = 0; i < days; i++) {
            double change = last(symbol, i) - last(symbol, i + 1);
            gains += Math.max(change, 0);
            losses += Math.max(-change, 0);
        }
        return losses == 0 ? 100 : 100 - 100 / (1 + gains / losses);
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
