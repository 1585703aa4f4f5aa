package io.finagent.strategy.domain;

/** Whether a strategy took a decision in (an archived strategy rejects it, but it is recorded). */
public enum DecisionStatus {
    ACCEPTED, REJECTED
}
