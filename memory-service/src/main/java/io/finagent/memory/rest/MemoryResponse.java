package io.finagent.memory.rest;

import io.finagent.memory.domain.MemoryType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * {@code currentRelevance} is {@code relevanceScore} decayed from {@code learnedAt} to the answer's
 * instant (now, or the asOf of a list); the counts of outcomes are as of that instant too.
 * {@code accessCount} and {@code lastAccessed} describe the present.
 */
public record MemoryResponse(long id, MemoryType memoryType, Map<String, Object> content, String summary,
                             BigDecimal relevanceScore, BigDecimal currentRelevance, long accessCount, Instant lastAccessed,
                             Long decisionId, long successCount, long failureCount, long outcomeCount,
                             Map<String, Double> features, String symbol, Long strategyId, Instant learnedAt, Instant createdAt) {
}
