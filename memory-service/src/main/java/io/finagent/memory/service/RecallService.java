package io.finagent.memory.service;

import io.finagent.memory.config.RecallConfig;
import io.finagent.memory.domain.Decision;
import io.finagent.memory.domain.RecallStatistics;
import io.finagent.memory.domain.RecalledDecision;
import io.finagent.memory.repository.DecisionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "What happened the last times the market looked like this?" The k past decisions most like
 * the given context, as of an instant: nothing decided after it is a candidate, and no outcome
 * measured after it is shown or counted. Ranked by
 * score = wSim·similarity + wRec·0.5^(age/halfLife) + wImp·importance, with
 * importance = ½·min(1, ln(1+accessCount)/ln 101) + ½·(outcome known ? 1 : 0).
 */
@ApplicationScoped
public class RecallService {

    public record Recall(List<RecalledDecision> decisions, RecallStatistics statistics) {
    }

    private final DecisionRepository decisions;
    private final RecallConfig config;

    public RecallService(DecisionRepository decisions, RecallConfig config) {
        this.decisions = decisions;
        this.config = config;
    }

    @WithTransaction
    public Uni<Recall> recall(String userId, Map<String, Double> features, String symbol, Long strategyId, int k, Instant asOf) {
        return decisions.recallCandidates(userId, asOf, symbol, strategyId, config.maxCandidates())
                .map(candidates -> rank(candidates, features, k, asOf))
                .call(recalled -> recalled.isEmpty() ? Uni.createFrom().voidItem()
                        : decisions.markRecalled(recalled.stream().map(r -> r.decision().id).toList(), Instant.now()))
                .map(recalled -> new Recall(recalled, RecallStatisticsCalculator.over(recalled.size(),
                        recalled.stream().map(RecalledDecision::outcome).toList())));
    }

    private List<RecalledDecision> rank(List<Decision> candidates, Map<String, Double> query, int k, Instant asOf) {
        Map<Decision, Map<String, Double>> featuresOf = new HashMap<>();
        candidates.forEach(d -> featuresOf.put(d, features(d)));
        Similarity similarity = Similarity.fit(query, List.copyOf(featuresOf.values()));
        double halfLife = config.recencyHalfLife().toSeconds();
        return candidates.stream().map(d -> {
                    BigDecimal outcome = d.outcome != null && d.outcomeMeasuredAt != null && !d.outcomeMeasuredAt.isAfter(asOf)
                            ? d.outcome : null;
                    double sim = similarity.to(featuresOf.get(d));
                    double recency = Math.pow(0.5, Math.max(0, Duration.between(d.decidedAt, asOf).toSeconds()) / halfLife);
                    double importance = 0.5 * Math.min(1, Math.log1p(d.accessCount) / Math.log(101)) + (outcome != null ? 0.5 : 0);
                    double score = config.similarityWeight() * sim + config.recencyWeight() * recency + config.importanceWeight() * importance;
                    return new RecalledDecision(d, sim, score, outcome);
                })
                .sorted(Comparator.comparingDouble(RecalledDecision::score).reversed())
                .limit(k)
                .toList();
    }

    private static Map<String, Double> features(Decision d) {
        return d.marketContext == null ? Map.of() : Similarity.numbers(d.marketContext.get("features"));
    }
}
