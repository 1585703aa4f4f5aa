package io.finagent.memory.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.rest.AgentContextResponse;
import io.finagent.memory.rest.RecallResponse;
import io.finagent.memory.rest.RelevantPatternsResponse;
import io.finagent.memory.rest.SimilarEpisodesResponse;
import io.finagent.memory.service.AgentContextService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Packs the gathered context into a budget of JSON characters, the size the agent will paste
 * into its prompt. Sections take turns, best item first: a recalled decision, a pattern, a
 * lesson, an episode, a working-memory event, then the second of each, and so on. An item that does not fit
 * in what is left is skipped and counted as omitted; smaller ones after it may still fit.
 */
@ApplicationScoped
public class AgentContextMapper {

    private static final String[] SECTIONS = {"decisions", "patterns", "lessons", "episodes", "workingMemory"};

    private final ObjectMapper json;
    private final DecisionMapper decisions;
    private final PatternMapper patterns;
    private final MemoryMapper lessons;
    private final EpisodeMapper episodes;

    public AgentContextMapper(ObjectMapper json, DecisionMapper decisions, PatternMapper patterns, MemoryMapper lessons,
                              EpisodeMapper episodes) {
        this.json = json;
        this.decisions = decisions;
        this.patterns = patterns;
        this.lessons = lessons;
        this.episodes = episodes;
    }

    public AgentContextResponse toResponse(AgentContextService.Gathered gathered, UUID id, Instant asOf, int budget) {
        Map<String, List<?>> offered = new LinkedHashMap<>();
        offered.put("decisions", gathered.recall() == null ? List.of() : gathered.recall().decisions().stream()
                .map(r -> new RecallResponse.Neighbour(decisions.toResponse(r.decision(), r.outcome()), r.similarity(), r.score())).toList());
        offered.put("patterns", gathered.patterns().stream().map(patterns::toMatch).toList());
        offered.put("lessons", gathered.lessons().stream().map(l -> lessons.toMatch(l, asOf)).toList());
        offered.put("episodes", gathered.episodes() == null ? List.of() : gathered.episodes().episodes().stream()
                .map(s -> new SimilarEpisodesResponse.Match(episodes.toResponse(s.episode()), s.similarity())).toList());
        offered.put("workingMemory", gathered.workingMemory());

        Map<String, List<Object>> kept = new LinkedHashMap<>();
        Map<String, Integer> omitted = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            kept.put(section, new ArrayList<>());
            omitted.put(section, 0);
        }
        int used = 0;
        int longest = offered.values().stream().mapToInt(List::size).max().orElse(0);
        for (int rank = 0; rank < longest; rank++) {
            for (String section : SECTIONS) {
                List<?> items = offered.get(section);
                if (rank < items.size()) {
                    int size = size(items.get(rank));
                    if (used + size <= budget) {
                        kept.get(section).add(items.get(rank));
                        used += size;
                    } else {
                        omitted.merge(section, 1, Integer::sum);
                    }
                }
            }
        }
        return new AgentContextResponse(id, null, asOf, budget, used,
                cast(kept.get("decisions")), gathered.recall() == null ? null : gathered.recall().statistics(),
                cast(kept.get("patterns")), cast(kept.get("lessons")), cast(kept.get("episodes")), cast(kept.get("workingMemory")), omitted);
    }

    /** The JSON the context is kept as, and its digest taken over. */
    public String toJson(AgentContextResponse context) {
        return write(context);
    }

    private int size(Object item) {
        return write(item).length();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a context does not serialise", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<Object> items) {
        return (List<T>) (List<?>) items;
    }
}
