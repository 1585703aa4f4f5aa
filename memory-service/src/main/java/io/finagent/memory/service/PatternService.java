package io.finagent.memory.service;

import io.finagent.memory.domain.Features;
import io.finagent.memory.domain.Pattern;
import io.finagent.memory.repository.CitationRepository;
import io.finagent.memory.repository.PatternRepository;
import io.finagent.memory.repository.PatternsAsOf;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.idempotency.IdempotentCreate;
import io.finagent.platform.paging.Page;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.Owned;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Long-term patterns: stored once per Idempotency-Key, ranked by their record, updated by each outcome. */
@ApplicationScoped
public class PatternService {

    /** A pattern with how like its market this one is (1 when it names no features) and relevance = confidence · similarity. */
    public record RelevantPattern(Pattern pattern, double similarity, double relevance) {
    }

    private static final int MAX_CANDIDATES = 2000;
    private static final int MARKETS_KEPT = 100_000;

    private final Map<String, Map<String, Double>> markets = new ConcurrentHashMap<>();

    private final PatternRepository patterns;
    private final PatternsAsOf patternsAsOf;
    private final CitationRepository citations;
    private final FeatureSpace space;

    public PatternService(PatternRepository patterns, PatternsAsOf patternsAsOf, CitationRepository citations, FeatureSpace space) {
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
     * The patterns that hold for this market: of the user's best-proven patterns (for the symbol, or
     * for any symbol), those whose {@code patternData.features} are like these features, ranked by
     * confidence · similarity. A pattern without features holds in any market (similarity 1), and
     * without features to compare, every pattern does: they rank by confidence alone. As of
     * {@code asOf}: the patterns and their record as they stood then.
     */
    public Uni<List<RelevantPattern>> relevant(String userId, Map<String, Double> features, String symbol, int k, Instant asOf) {
        record Compared(long id, double similarity, double relevance) {
        }
        return patternsAsOf.candidates(userId, asOf, symbol, MAX_CANDIDATES)
                .map(candidates -> candidates.stream()
                        .map(c -> {
                            Map<String, Double> own = market(c.features());
                            double similarity = own.isEmpty() || features.isEmpty() ? 1 : space.similarity(features, own);
                            return new Compared(c.id(), similarity, c.confidence().doubleValue() * similarity);
                        })
                        // stable: equal ones stay in the order of their record (confidence, occurrences, newest)
                        .sorted(Comparator.comparingDouble(Compared::relevance).reversed()
                                .thenComparing(Comparator.comparingDouble(Compared::similarity).reversed()))
                        .limit(k)
                        .toList())
                .chain(best -> best.isEmpty() ? Uni.createFrom().item(List.<RelevantPattern>of())
                        : patternsAsOf.byIds(userId, asOf, best.stream().map(Compared::id).toList()).map(found -> {
                            Map<Long, Pattern> byId = found.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
                            return best.stream().filter(b -> byId.containsKey(b.id()))
                                    .map(b -> new RelevantPattern(byId.get(b.id()), b.similarity(), b.relevance())).toList();
                        }));
    }

    /**
     * A pattern's market, from the JSON text of its {@code features}; read from a map of the texts
     * seen, since the same few thousand come back at every call (keyed by the text itself, it is
     * never stale).
     */
    private Map<String, Double> market(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, Double> known = markets.get(json);
        if (known == null) {
            if (markets.size() >= MARKETS_KEPT) {
                markets.clear();
            }
            known = Features.of(Json.decodeValue(json) instanceof JsonObject market ? market.getMap() : null);
            markets.put(json, known);
        }
        return known;
    }

    /** One more occurrence with its outcome, observed at {@code observedAt}, counted as decision outcomes are. */
    @WithTransaction
    public Uni<Pattern> observe(String userId, long id, BigDecimal outcome, Instant observedAt) {
        return citations.creditPatterns(userId, List.of(id), outcome, null, observedAt)
                .chain(updated -> updated == 0 ? Uni.createFrom().nullItem() : patterns.findOwned(userId, id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("pattern", id));
    }
}
