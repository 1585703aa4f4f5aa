package io.finagent.memory.mapping;

import io.finagent.memory.domain.Memory;
import io.finagent.memory.rest.MemoryRequest;
import io.finagent.memory.rest.MemoryResponse;
import io.finagent.memory.service.MemoryService;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@ApplicationScoped
public class MemoryMapper {

    private final MemoryService service;

    public MemoryMapper(MemoryService service) {
        this.service = service;
    }

    public Memory toMemory(String userId, MemoryRequest request, String idempotencyKey, Instant now) {
        Memory m = new Memory();
        m.userId = userId;
        m.memoryType = request.memoryType();
        m.content = request.content();
        m.summary = request.summary();
        m.relevanceScore = request.relevanceScore() != null ? request.relevanceScore() : BigDecimal.ONE;
        m.decisionId = request.decisionId();
        m.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        m.updatedAt = m.createdAt;
        m.idempotencyKey = idempotencyKey;
        return m;
    }

    public MemoryResponse toResponse(Memory m) {
        return new MemoryResponse(m.id, m.memoryType, m.content, m.summary, m.relevanceScore,
                service.currentRelevance(m, Instant.now()), m.accessCount, m.lastAccessed, m.decisionId,
                m.successCount, m.failureCount, m.createdAt);
    }
}
