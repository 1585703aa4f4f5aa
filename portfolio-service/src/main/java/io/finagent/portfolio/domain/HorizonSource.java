package io.finagent.portfolio.domain;

/** Where a decision's horizon came from, in the order they are tried. */
public enum HorizonSource {
    DECISION,
    STRATEGY,
    CONFIGURATION
}
