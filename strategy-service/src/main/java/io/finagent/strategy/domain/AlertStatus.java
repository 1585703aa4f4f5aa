package io.finagent.strategy.domain;

/** An alert's lifecycle, one step at a time: PENDING, then SENT, then ACKNOWLEDGED. */
public enum AlertStatus {
    PENDING,
    SENT,
    ACKNOWLEDGED;

    /** The only status this one may move to, or null when it is the last. */
    public AlertStatus next() {
        return this == PENDING ? SENT : this == SENT ? ACKNOWLEDGED : null;
    }
}
