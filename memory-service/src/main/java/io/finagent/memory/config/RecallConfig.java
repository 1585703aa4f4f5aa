package io.finagent.memory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Weights and limits of recall; the score formula is in the service README. */
@ConfigMapping(prefix = "finagent.recall")
public interface RecallConfig {

    @WithDefault("0.7")
    double similarityWeight();

    @WithDefault("0.2")
    double recencyWeight();

    @WithDefault("0.1")
    double importanceWeight();

    /** A past decision's recency halves with each half-life before {@code asOf}. */
    @WithDefault("30d")
    Duration recencyHalfLife();

    /** Most recent decisions searched exactly (approximate search for more comes with the index). */
    @WithDefault("20000")
    int maxCandidates();
}
