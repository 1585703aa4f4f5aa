package io.finagent.memory.service;

import io.finagent.memory.domain.Episode;
import io.finagent.memory.domain.Features;
import io.finagent.memory.domain.RecallStatistics;
import io.finagent.memory.repository.EpisodeRepository;
import io.finagent.memory.repository.MarketRows;
import io.finagent.memory.repository.MatchedEpisodes;
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

/** Episodic memory: whole trades stored once per key, and the finished ones most like a context. */
@ApplicationScoped
public class EpisodeService {

    public record SimilarEpisode(Episode episode, double similarity) {
    }

    public record SimilarEpisodes(List<SimilarEpisode> episodes, RecallStatistics statistics) {
    }

    private final EpisodeRepository episodes;
    private final MatchedEpisodes matched;
    private final MarketShelves shelves;
    private final FeatureSpace space;

    public EpisodeService(EpisodeRepository episodes, MatchedEpisodes matched, MarketShelves shelves, FeatureSpace space) {
        this.episodes = episodes;
        this.matched = matched;
        this.shelves = shelves;
        this.space = space;
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

    /**
     * Ranked by the similarity of recall, compared with every episode of the user ended by asOf
     * (of the symbol, if given); statistics over their results. The shelf's nearest, with a margin,
     * are ranked again from their stored features, so that order and numbers are those of
     * {@link FeatureSpace#similarity(Map, Map)} to the last digit.
     */
    public Uni<SimilarEpisodes> similar(String userId, Map<String, Double> query, String symbol, int k, Instant asOf) {
        MarketShelf.Ask ask = new MarketShelf.Ask(query, asOf, symbol, null, false, null, false, null, false);
        return shelves.search(MarketRows.Kind.EPISODE, userId, shelf -> shelf.best(ask, space, k + MarketShelf.MARGIN))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Episode>of()) : matched.findOwned(userId, ids))
                .map(candidates -> {
                    List<SimilarEpisode> ranked = candidates.stream()
                            .map(e -> new SimilarEpisode(e, space.similarity(query, Features.of(e.features))))
                            .sorted(Comparator.comparingDouble(SimilarEpisode::similarity).reversed()
                                    .thenComparing(s -> s.episode().id, Comparator.reverseOrder()))
                            .limit(k).toList();
                    return new SimilarEpisodes(ranked, RecallStatisticsCalculator.over(ranked.size(), ranked.stream()
                            .map(SimilarEpisode::episode).filter(e -> e.result != null)
                            .map(e -> new RecallStatisticsCalculator.KnownOutcome(e.result, e.symbol, e.startedAt, e.endedAt)).toList()));
                });
    }
}
