package io.finagent.portfolio.domain;

/** How a sell finds the cost it releases: the position's moving average, or its oldest lots first. */
public enum AccountingMethod {
    AVERAGE_COST,
    FIFO
}
