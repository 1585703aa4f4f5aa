package io.finagent.portfolio.domain;

public enum TransactionType {
    BUY,
    SELL,
    /** Cash received for a holding; quantity and price are informational. */
    DIVIDEND,
    /** A corporate action: quantity times the ratio, cost kept. */
    SPLIT
}
