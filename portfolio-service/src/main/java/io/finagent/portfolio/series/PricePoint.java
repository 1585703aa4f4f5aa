package io.finagent.portfolio.series;

import java.math.BigDecimal;
import java.time.Instant;

/** A price of a symbol at an instant, as the time-series store has it. */
public record PricePoint(BigDecimal price, Instant at) {
}
