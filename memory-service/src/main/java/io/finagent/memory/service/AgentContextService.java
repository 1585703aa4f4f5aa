package io.finagent.memory.service;

import io.finagent.memory.domain.SessionEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the agent should have in mind before its next decision: the decisions recalled for this
 * market, the patterns that hold in it, the lessons learned in markets like it, the finished
 * episodes most like it, and the session's recent working memory, newest first. Without features
 * there is nothing to recall: only the best-proven patterns and lessons, and the working memory.
 * Everything but the working memory (which is the present) as of {@code asOf}. With a session, Redis must answer (else 503):
 * a context silently missing its working memory would mislead the agent.
 */
@ApplicationScoped
public class AgentContextService {

    /** What to gather; {@code features} may be empty, {@code sessionId} null. */
    public record Ask(String userId, Map<String, Double> features, String symbol, Long strategyId, String sessionId,
                      int k, Instant since, Instant asOf) {
    }

    public record Gathered(RecallService.Recall recall, List<PatternService.RelevantPattern> patterns,
                           List<MemoryService.Lesson> lessons, EpisodeService.SimilarEpisodes episodes,
                           List<SessionEvent> workingMemory) {
    }

    private final RecallService recall;
    private final PatternService patterns;
    private final MemoryService lessons;
    private final EpisodeService episodes;
    private final WorkingMemory workingMemory;

    public AgentContextService(RecallService recall, PatternService patterns, MemoryService lessons, EpisodeService episodes,
                               WorkingMemory workingMemory) {
        this.recall = recall;
        this.patterns = patterns;
        this.lessons = lessons;
        this.episodes = episodes;
        this.workingMemory = workingMemory;
    }

    public Uni<Gathered> gather(Ask ask) {
        boolean market = !ask.features().isEmpty();
        // first: while Redis is down the 503 comes before any recall work
        Uni<List<SessionEvent>> recent = ask.sessionId() == null ? Uni.createFrom().item(List.of())
                : workingMemory.since(ask.userId(), ask.sessionId(), ask.since())
                .map(found -> found.orElse(List.of()).stream()
                        .sorted(Comparator.comparing(SessionEvent::occurredAt).reversed()).toList());
        // deferred, and subscribed last: recall searches its index on the event loop, while the
        // shelves' searches (patterns, lessons, episodes) already run on workers
        Uni<RecallService.Recall> recalled = market
                ? Uni.createFrom().deferred(() -> recall.recall(ask.userId(), ask.features(), ask.symbol(), ask.strategyId(), ask.k(),
                ask.asOf(), false))
                : Uni.createFrom().nullItem();
        Uni<EpisodeService.SimilarEpisodes> similar = market
                ? episodes.similar(ask.userId(), ask.features(), ask.symbol(), ask.k(), ask.asOf())
                : Uni.createFrom().nullItem();
        Uni<List<PatternService.RelevantPattern>> relevantPatterns = patterns.relevant(ask.userId(), ask.features(), ask.symbol(),
                ask.k(), ask.asOf());
        Uni<List<MemoryService.Lesson>> relevantLessons = lessons.relevant(ask.userId(), ask.features(), ask.symbol(),
                ask.strategyId(), MemoryService.LESSONS, ask.k(), ask.asOf());
        // the four reads at once, each on its own connection
        return recent.chain(w -> Uni.combine().all().unis(relevantPatterns, relevantLessons, similar, recalled)
                .with((p, l, e, r) -> new Gathered(r, p, l, e, w)));
    }
}
