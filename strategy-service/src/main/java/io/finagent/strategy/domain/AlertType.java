package io.finagent.strategy.domain;

public enum AlertType {
    BUY_SIGNAL,
    SELL_SIGNAL,
    RISK_WARNING
}
