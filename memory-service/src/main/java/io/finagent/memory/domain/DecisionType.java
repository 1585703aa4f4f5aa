package io.finagent.memory.domain;

public enum DecisionType {
    BUY, SELL, HOLD
}
