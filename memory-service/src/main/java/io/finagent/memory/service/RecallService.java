package io.finagent.memory.service;

import io.finagent.memory.config.RecallConfig;
import io.finagent.memory.domain.Decision;
import io.finagent.memory.domain.RecallStatistics;
import io.finagent.memory.domain.RecalledDecision;
import io.finagent.memory.index.DecisionIndex;
import io.finagent.memory.index.Neighbour;
import io.finagent.memory.repository.DecisionRepository;
import io.finagent.memory.repository.RecalledDecisions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "What happened the last times the market looked like this?" The nearest past decisions (by
 * the HNSW index; exactly on request, or while the index is being built) are re-ranked by
 * score = wSim·similarity + wRec·0.5^(age/halfLife) + wImp·importance, with importance = 1 when
 * the outcome is known, else 0. As of an instant: nothing decided after it is a candidate, no
 * outcome measured after it is shown or counted, and the age is counted to it. How often a
 * decision was recalled is not in the score: an answer as of t would else depend on every recall
 * made after t (accessCount is shown, and describes the present).
 */
@ApplicationScoped
public class RecallService {

    /** {@code search}: approximate (HNSW), exact (every candidate in the index) or newest (exact over the newest rows, while the index builds). */
    public record Recall(List<RecalledDecision> decisions, RecallStatistics statistics, String search) {
    }

    private record Near(Decision decision, double similarity) {
    }

    private final DecisionRepository decisions;
    private final RecalledDecisions recalled;
    private final DecisionIndex index;
    private final FeatureSpace space;
    private final RecallConfig config;
    private final RecallAccesses accesses;

    public RecallService(DecisionRepository decisions, RecalledDecisions recalled, DecisionIndex index, FeatureSpace space,
                         RecallConfig config, RecallAccesses accesses) {
        this.decisions = decisions;
        this.recalled = recalled;
        this.accesses = accesses;
        this.index = index;
        this.space = space;
        this.config = config;
    }

    public Uni<Recall> recall(String userId, Map<String, Double> features, String symbol, Long strategyId, int k, Instant asOf,
                              boolean exact) {
        int pool = Math.max(config.rerankPool(), 3 * k);
        String search = !index.ready() ? "newest" : exact ? "exact" : "approximate";
        Uni<List<Near>> nearest = index.ready()
                ? fromIndex(userId, features, symbol, strategyId, asOf, pool, exact)
                : newestExactly(userId, features, symbol, strategyId, asOf, pool);
        return nearest.map(near -> rank(near, k, asOf))
                .invoke(picked -> accesses.add(picked.stream().map(r -> r.decision().id).toList()))
                .map(picked -> new Recall(picked, RecallStatisticsCalculator.over(picked.size(), picked.stream()
                        .filter(r -> r.outcome() != null)
                        .map(r -> new RecallStatisticsCalculator.KnownOutcome(r.outcome(), r.decision().symbol,
                                r.decision().decidedAt, r.decision().outcomeMeasuredAt)).toList()), search));
    }

    private Uni<List<Near>> fromIndex(String userId, Map<String, Double> features, String symbol, Long strategyId,
                                      Instant asOf, int pool, boolean exact) {
        FeatureSpace.Probe probe = space.probe(features);
        List<Neighbour> neighbours = exact
                ? index.nearestExactly(userId, symbol, strategyId, asOf, probe, pool)
                : index.nearest(userId, symbol, strategyId, asOf, probe, pool);
        if (neighbours.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return recalled.findOwned(userId, neighbours.stream().map(Neighbour::id).toList()).map(found -> {
            Map<Long, Decision> byId = found.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
            return neighbours.stream().filter(n -> byId.containsKey(n.id()))
                    .map(n -> new Near(byId.get(n.id()), FeatureSpace.similarity(n.squaredDistance(), probe.size())))
                    .toList();
        });
    }

    /** While the index is being built: the newest decisions from PostgreSQL, compared one by one. */
    private Uni<List<Near>> newestExactly(String userId, Map<String, Double> features, String symbol, Long strategyId,
                                          Instant asOf, int pool) {
        return Panache.withSession(() -> decisions.recallCandidates(userId, asOf, symbol, strategyId, config.maxCandidates()))
                .map(candidates -> candidates.stream()
                        .map(d -> new Near(d, space.similarity(features, d.features())))
                        .sorted(Comparator.comparingDouble(Near::similarity).reversed())
                        .limit(pool)
                        .toList());
    }

    private List<RecalledDecision> rank(List<Near> nearest, int k, Instant asOf) {
        double halfLife = config.recencyHalfLife().toSeconds();
        return nearest.stream().map(near -> {
                    Decision d = near.decision();
                    BigDecimal outcome = d.outcome != null && d.outcomeMeasuredAt != null && !d.outcomeMeasuredAt.isAfter(asOf)
                            ? d.outcome : null;
                    double recency = Math.pow(0.5, Math.max(0, Duration.between(d.decidedAt, asOf).toSeconds()) / halfLife);
                    double importance = outcome != null ? 1 : 0;
                    double score = config.similarityWeight() * near.similarity() + config.recencyWeight() * recency
                            + config.importanceWeight() * importance;
                    return new RecalledDecision(d, near.similarity(), score, outcome);
                })
                .sorted(Comparator.comparingDouble(RecalledDecision::score).reversed()
                        .thenComparing(r -> r.decision().id, Comparator.reverseOrder()))
                .limit(k)
                .toList();
    }
}
