package io.finagent.portfolio.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

/** Measuring decisions' outcomes, and executing them in paper portfolios. */
@ConfigMapping(prefix = "finagent.outcome")
public interface OutcomeConfig {

    /** The horizon of a decision that names none and whose strategy has no default: one trading day. */
    @WithDefault("1440")
    int defaultHorizonMinutes();

    /** How often the due measurements are looked at (the scheduler runs nothing more often than each second). */
    @WithDefault("1s")
    String checkInterval();

    /** Measurements looked at per pass. */
    @WithDefault("200")
    int batchSize();

    /** The wait after the first check that finds no price; it doubles with each miss, up to {@link #longestWait()}. */
    @WithDefault("1s")
    Duration firstWait();

    /** A new price for the symbol ends the wait at once; this bounds it when none comes through this service. */
    @WithDefault("5m")
    Duration longestWait();

    Paper paper();

    /** The sizing rule of paper trades (see the README). */
    interface Paper {

        /** Share of the portfolio's current value one decision of confidence 1 trades. */
        @WithDefault("0.10")
        BigDecimal orderFraction();

        /** Commission as a share of the gross amount. */
        @WithDefault("0")
        BigDecimal commissionRate();
    }
}
