package io.finagent.memory.service;

import io.finagent.memory.domain.Features;
import io.finagent.memory.domain.Pattern;
import io.finagent.memory.repository.CitationRepository;
import io.finagent.memory.repository.PatternRepository;
import io.finagent.memory.repository.MarketRows;
import io.finagent.memory.repository.PatternsAsOf;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.idempotency.IdempotentCreate;
import io.finagent.platform.paging.Page;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.Owned;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Long-term patterns: stored once per Idempotency-Key, ranked by their record, updated by each outcome. */
@ApplicationScoped
public class PatternService {

    /** A pattern with how like its market this one is (1 when it names no features) and relevance = confidence · similarity. */
    public record RelevantPattern(Pattern pattern, double similarity, double relevance) {
    }

    private final PatternRepository patterns;
    private final PatternsAsOf patternsAsOf;
    private final CitationRepository citations;
    private final FeatureSpace space;
    private final MarketShelves shelves;

    public PatternService(PatternRepository patterns, PatternsAsOf patternsAsOf, CitationRepository citations, FeatureSpace space,
                          MarketShelves shelves) {
        this.shelves = shelves;
        this.patterns = patterns;
        this.patternsAsOf = patternsAsOf;
        this.citations = citations;
        this.space = space;
    }

    public Uni<Created<Pattern>> create(Pattern pattern) {
        return IdempotentCreate.create(pattern.idempotencyKey,
                () -> patterns.findByIdempotencyKey(pattern.userId, pattern.idempotencyKey),
                () -> patterns.persist(pattern));
    }

    @WithSession
    public Uni<Pattern> find(String userId, long id) {
        return Owned.orNotFound(patterns.findOwned(userId, id), "pattern", id);
    }

    /** As they stood at {@code asOf}: recognised by then, with their record up to then ({@link PatternsAsOf}). */
    public Uni<Page<Pattern>> ranked(String userId, Instant asOf, String patternType, String symbol, int page, int size) {
        return patternsAsOf.ranked(userId, asOf, patternType, symbol, false, size, page * size)
                .chain(items -> patternsAsOf.count(userId, asOf, patternType, symbol).map(total -> new Page<>(items, page, size, total)));
    }

    /**
     * The patterns that hold for this market: of all the user's patterns (for the symbol, or for any
     * symbol), compared on the replica's shelf ({@link MarketShelves}), those whose
     * {@code patternData.features} are like these features, ranked by confidence · similarity (then
     * similarity, confidence, occurrences, the newest). A pattern without features holds in any
     * market (similarity 1), and without features to compare, every pattern does: they rank by
     * confidence alone. As of {@code asOf}: the patterns and their record as they stood then (the
     * shelf's present records, unless something was credited or recognised after asOf).
     */
    public Uni<List<RelevantPattern>> relevant(String userId, Map<String, Double> features, String symbol, int k, Instant asOf) {
        MarketShelf.Ask ask = new MarketShelf.Ask(features, asOf, symbol, null, true, null, true, null, false);
        return shelves.best(MarketRows.Kind.PATTERN, userId, ask, k + MarketShelf.MARGIN, () -> patternsAsOf.records(userId, asOf))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Pattern>of()) : patternsAsOf.byIds(userId, asOf, ids))
                .map(found -> found.stream()
                        .map(p -> {
                            Map<String, Double> own = Features.of(p.patternData == null ? null : p.patternData.get("features"));
                            double similarity = own.isEmpty() || features.isEmpty() ? 1 : space.similarity(features, own);
                            return new RelevantPattern(p, similarity, p.confidence.doubleValue() * similarity);
                        })
                        .sorted(Comparator.comparingDouble(RelevantPattern::relevance).reversed()
                                .thenComparing(Comparator.comparingDouble(RelevantPattern::similarity).reversed())
                                .thenComparing(r -> r.pattern().confidence, Comparator.reverseOrder())
                                .thenComparing(r -> r.pattern().occurrences, Comparator.reverseOrder())
                                .thenComparing(r -> r.pattern().id, Comparator.reverseOrder()))
                        .limit(k)
                        .toList());
    }

    /** One more occurrence with its outcome, observed at {@code observedAt}, counted as decision outcomes are. */
    @WithTransaction
    public Uni<Pattern> observe(String userId, long id, BigDecimal outcome, Instant observedAt) {
        return citations.creditPatterns(userId, List.of(id), outcome, null, observedAt)
                .chain(updated -> updated == 0 ? Uni.createFrom().nullItem() : patterns.findOwned(userId, id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("pattern", id));
    }
}
