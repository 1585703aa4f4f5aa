package io.finagent.memory.index;

import java.time.Instant;
import java.util.Map;

/** What the recall index keeps of a decision: what recall filters on, and its features. */
public record IndexedDecision(long id, String userId, String symbol, long strategyId, Instant decidedAt,
                              Map<String, Double> features) {
}
