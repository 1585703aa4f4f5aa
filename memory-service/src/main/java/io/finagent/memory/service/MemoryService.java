package io.finagent.memory.service;

import io.finagent.memory.config.MemoryConfig;
import io.finagent.memory.domain.Memory;
import io.finagent.memory.domain.MemoryType;
import io.finagent.memory.domain.Wilson;
import io.finagent.memory.repository.MarketRows;
import io.finagent.memory.repository.MemoriesAsOf;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Long-term memories: stored once per Idempotency-Key, listed by relevance that decays from the
 * instant each was learned, and recalled as lessons by the market they were learned in.
 */
@ApplicationScoped
public class MemoryService {

    /** The agent's written lessons, unless a call names other types. */
    public static final List<MemoryType> LESSONS = List.of(MemoryType.FEEDBACK, MemoryType.OBSERVATION);

    /**
     * A lesson for this market: relevance at asOf, similarity of its market to this one (1 when
     * either names no features), evidence from the outcomes of the decisions that cited it, and
     * score = relevance · similarity · evidence.
     */
    public record Lesson(Memory memory, BigDecimal relevance, double similarity, double evidence, double score) {
    }

    private final MemoryRepository memories;
    private final MemoriesAsOf memoriesAsOf;
    private final MemoryConfig config;
    private final FeatureSpace space;
    private final MarketShelves shelves;
    private final OwnReferences references;

    public MemoryService(MemoryRepository memories, MemoriesAsOf memoriesAsOf, MemoryConfig config, FeatureSpace space,
                         MarketShelves shelves, OwnReferences references) {
        this.shelves = shelves;
        this.references = references;
        this.memories = memories;
        this.memoriesAsOf = memoriesAsOf;
        this.config = config;
        this.space = space;
    }

    /** Stored once per Idempotency-Key; the decision it names, if any, must be the user's (else a 404 naming decisionId). */
    public Uni<Created<Memory>> create(Memory memory) {
        return references.of(memory).chain(() -> IdempotentCreate.create(memory.idempotencyKey,
                () -> memories.findByIdempotencyKey(memory.userId, memory.idempotencyKey),
                () -> memories.persist(memory)));
    }

    @WithSession
    public Uni<Memory> find(String userId, long id) {
        return Owned.orNotFound(memories.findOwned(userId, id), "memory", id);
    }

    /** As they stood at {@code asOf}, most relevant then first. */
    public Uni<Page<Memory>> ranked(String userId, Instant asOf, MemoryType type, int page, int size) {
        return memoriesAsOf.byRelevance(userId, asOf, type, config.relevanceHalfLife(), size, page * size)
                .chain(items -> memoriesAsOf.count(userId, asOf, type).map(total -> new Page<>(items, page, size, total)));
    }

    /**
     * The lessons most like this market as of {@code asOf}: of all learned by then (for the symbol
     * and strategy, or for any), compared on the replica's shelf ({@link MarketShelves}) by relevance
     * × similarity × evidence, the shelf holding each lesson's present outcomes (those as of asOf when
     * a lesson was credited after it); the best, with a margin, read back as of then and ranked again.
     */
    public Uni<List<Lesson>> relevant(String userId, Map<String, Double> features, String symbol, Long strategyId,
                                      List<MemoryType> types, int k, Instant asOf) {
        MarketShelf.Ask ask = new MarketShelf.Ask(features, asOf, symbol, strategyId, true,
                types.stream().map(Enum::name).collect(Collectors.toSet()), true, config.relevanceHalfLife(), true);
        return shelves.best(MarketRows.Kind.LESSON, userId, ask, k + MarketShelf.MARGIN, () -> memoriesAsOf.records(userId, asOf))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Memory>of()) : memoriesAsOf.byIds(userId, asOf, ids))
                .map(found -> found.stream()
                        .map(m -> lesson(m, features, asOf))
                        .sorted(Comparator.comparingDouble(Lesson::score).reversed()
                                .thenComparing(l -> l.memory().id, Comparator.reverseOrder()))
                        .limit(k)
                        .toList());
    }

    private Lesson lesson(Memory m, Map<String, Double> features, Instant asOf) {
        BigDecimal relevance = relevanceAt(m, asOf);
        double similarity = m.features.isEmpty() || features.isEmpty() ? 1 : space.similarity(features, m.features);
        double evidence = Wilson.evidence(m.successCount, m.outcomeCount);
        return new Lesson(m, relevance, similarity, evidence, relevance.doubleValue() * similarity * evidence);
    }

    /** The stored score halved for each half-life from the instant it was learned to {@code at}. */
    public BigDecimal relevanceAt(Memory m, Instant at) {
        double halfLives = (double) Duration.between(m.learnedAt, at).toSeconds() / config.relevanceHalfLife().toSeconds();
        return m.relevanceScore.multiply(BigDecimal.valueOf(Math.pow(0.5, Math.max(0, halfLives))), MathContext.DECIMAL64)
                .setScale(8, RoundingMode.HALF_EVEN);
    }
}
