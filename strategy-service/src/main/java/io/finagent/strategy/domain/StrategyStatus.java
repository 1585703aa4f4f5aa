package io.finagent.strategy.domain;

/**
 * A strategy's lifecycle: ACTIVE and INACTIVE switch freely and both take decisions; either may
 * be ARCHIVED, which is final: an archived strategy changes no more and takes no new decisions.
 */
public enum StrategyStatus {
    ACTIVE,
    INACTIVE,
    ARCHIVED
}
