package io.finagent.memory.mapping;

import io.finagent.memory.domain.Memory;
import io.finagent.memory.rest.MemoryRequest;
import io.finagent.memory.rest.MemoryResponse;
import io.finagent.memory.rest.RelevantLessonsResponse;
import io.finagent.memory.service.MemoryService;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

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
        m.features = request.marketContext() == null ? Map.of() : request.marketContext().features();
        m.symbol = request.symbol() == null ? null : request.symbol().toUpperCase();
        m.strategyId = request.strategyId();
        m.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        m.learnedAt = request.learnedAt() == null ? m.createdAt : request.learnedAt().truncatedTo(ChronoUnit.MICROS);
        m.updatedAt = m.createdAt;
        m.idempotencyKey = idempotencyKey;
        return m;
    }

    /** With its relevance at {@code at}: now for a memory read alone, the asOf of a list. */
    public MemoryResponse toResponse(Memory m, Instant at) {
        return new MemoryResponse(m.id, m.memoryType, m.content, m.summary, m.relevanceScore,
                service.relevanceAt(m, at), m.accessCount, m.lastAccessed, m.decisionId,
                m.successCount, m.failureCount, m.outcomeCount, m.features, m.symbol, m.strategyId, m.learnedAt, m.createdAt);
    }

    public MemoryResponse toResponse(Memory m) {
        return toResponse(m, Instant.now());
    }

    public RelevantLessonsResponse.Match toMatch(MemoryService.Lesson lesson, Instant asOf) {
        return new RelevantLessonsResponse.Match(toResponse(lesson.memory(), asOf), lesson.similarity(), lesson.evidence(), lesson.score());
    }
}
