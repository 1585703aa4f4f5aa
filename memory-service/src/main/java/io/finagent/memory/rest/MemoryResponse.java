package io.finagent.memory.rest;

import io.finagent.memory.domain.MemoryType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** {@code currentRelevance} is {@code relevanceScore} decayed to now (see the service docs). */
public record MemoryResponse(long id, MemoryType memoryType, Map<String, Object> content, String summary,
                             BigDecimal relevanceScore, BigDecimal currentRelevance, long accessCount, Instant lastAccessed,
                             Long decisionId, long successCount, long failureCount, Instant createdAt) {
}
