package io.finagent.memory.service;

import io.finagent.memory.config.MemoryConfig;
import io.finagent.memory.domain.Memory;
import io.finagent.memory.domain.MemoryType;
import io.finagent.memory.repository.MemoryRepository;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.idempotency.IdempotentCreate;
import io.finagent.platform.paging.Page;
import io.finagent.platform.security.Owned;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** Long-term memories: stored once per Idempotency-Key, listed by relevance that decays with disuse. */
@ApplicationScoped
public class MemoryService {

    private final MemoryRepository memories;
    private final MemoryConfig config;

    public MemoryService(MemoryRepository memories, MemoryConfig config) {
        this.memories = memories;
        this.config = config;
    }

    public Uni<Created<Memory>> create(Memory memory) {
        return IdempotentCreate.create(memory.idempotencyKey,
                () -> memories.findByIdempotencyKey(memory.userId, memory.idempotencyKey),
                () -> memories.persist(memory));
    }

    @WithSession
    public Uni<Memory> find(String userId, long id) {
        return Owned.orNotFound(memories.findOwned(userId, id), "memory", id);
    }

    @WithSession
    public Uni<Page<Memory>> ranked(String userId, MemoryType type, int page, int size) {
        return memories.pageRanked(userId, type, config.relevanceHalfLife(), page, size)
                .chain(items -> memories.countOwned(userId, type).map(total -> new Page<>(items, page, size, total)));
    }

    /** The relevance as of now: the stored score halved for each half-life since last use. */
    public BigDecimal currentRelevance(Memory m, Instant now) {
        Instant since = m.lastAccessed != null ? m.lastAccessed : m.createdAt;
        double halfLives = (double) Duration.between(since, now).toSeconds() / config.relevanceHalfLife().toSeconds();
        return m.relevanceScore.multiply(BigDecimal.valueOf(Math.pow(0.5, Math.max(0, halfLives))), MathContext.DECIMAL64)
                .setScale(8, RoundingMode.HALF_EVEN);
    }
}
