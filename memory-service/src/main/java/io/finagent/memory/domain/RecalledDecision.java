package io.finagent.memory.domain;

import java.math.BigDecimal;

/** A past decision brought back by recall; {@code outcome} is null unless it was measured by asOf. */
public record RecalledDecision(Decision decision, double similarity, double score, BigDecimal outcome) {
}
