package io.finagent.memory.service;

import io.finagent.memory.config.RecallConfig;
import io.finagent.memory.domain.Episode;
import io.finagent.memory.domain.RecallStatistics;
import io.finagent.memory.repository.EpisodeRepository;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.idempotency.IdempotentCreate;
import io.finagent.platform.security.Owned;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Episodic memory: whole trades stored once per key, and the finished ones most like a context. */
@ApplicationScoped
public class EpisodeService {

    public record SimilarEpisode(Episode episode, double similarity) {
    }

    public record SimilarEpisodes(List<SimilarEpisode> episodes, RecallStatistics statistics) {
    }

    private final EpisodeRepository episodes;
    private final RecallConfig config;

    public EpisodeService(EpisodeRepository episodes, RecallConfig config) {
        this.episodes = episodes;
        this.config = config;
    }

    public Uni<Created<Episode>> create(Episode episode) {
        return IdempotentCreate.create(episode.idempotencyKey,
                () -> episodes.findByIdempotencyKey(episode.userId, episode.idempotencyKey),
                () -> episodes.persist(episode));
    }

    @WithSession
    public Uni<Episode> find(String userId, long id) {
        return Owned.orNotFound(episodes.findOwned(userId, id), "episode", id);
    }

    /** Ranked by the similarity of recall, over episodes ended by asOf; statistics over their results. */
    @WithSession
    public Uni<SimilarEpisodes> similar(String userId, Map<String, Double> query, String symbol, int k, Instant asOf) {
        return episodes.endedBy(userId, asOf, symbol, config.maxCandidates()).map(candidates -> {
            List<Map<String, Double>> vectors = candidates.stream().map(e -> Similarity.numbers(e.features)).toList();
            Similarity similarity = Similarity.fit(query, vectors);
            List<SimilarEpisode> ranked = IntStream.range(0, candidates.size())
                    .mapToObj(i -> new SimilarEpisode(candidates.get(i), similarity.to(vectors.get(i))))
                    .sorted(Comparator.comparingDouble(SimilarEpisode::similarity).reversed())
                    .limit(k).toList();
            return new SimilarEpisodes(ranked, RecallStatisticsCalculator.over(ranked.size(),
                    ranked.stream().map(s -> s.episode().result).toList()));
        });
    }
}
