package io.finagent.memory.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

public record PatternResponse(long id, String patternType, String patternName, Map<String, Object> patternData, String symbol,
                              long occurrences, long successes, long failures, BigDecimal totalOutcome,
                              BigDecimal successRate, BigDecimal confidence, Instant lastSeen, Instant recognizedAt,
                              Instant createdAt) {
}
