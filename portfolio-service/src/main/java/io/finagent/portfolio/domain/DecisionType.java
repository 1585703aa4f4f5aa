package io.finagent.portfolio.domain;

/** What the agent decided about a symbol. */
public enum DecisionType {
    BUY,
    SELL,
    HOLD
}
