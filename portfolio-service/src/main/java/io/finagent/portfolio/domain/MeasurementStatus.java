package io.finagent.portfolio.domain;

/** Where a decision's outcome measurement stands. */
public enum MeasurementStatus {
    /** Waiting for its reference price, its horizon or its exit price. */
    PENDING,
    /** Measured and published, once. */
    MEASURED,
    /** Will never be measured; the reason is in last_error. */
    SKIPPED
}
