package io.finagent.portfolio.series;

import java.math.BigDecimal;
import java.time.Instant;

/** The portfolio's value and cash at the end of one interval of the equity curve. */
public record EquityPoint(Instant at, BigDecimal value, BigDecimal cash) {
}
