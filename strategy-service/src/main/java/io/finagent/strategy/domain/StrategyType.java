package io.finagent.strategy.domain;

/** What a strategy's signals are made from. */
public enum StrategyType {
    TECHNICAL,
    FUNDAMENTAL,
    SENTIMENT,
    HYBRID
}
