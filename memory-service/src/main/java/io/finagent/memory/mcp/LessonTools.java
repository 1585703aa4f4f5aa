package io.finagent.memory.mcp;

import io.finagent.memory.domain.MemoryType;
import io.finagent.memory.rest.EpisodeResource;
import io.finagent.memory.rest.MarketContextRequest;
import io.finagent.memory.rest.MemoryRequest;
import io.finagent.memory.rest.MemoryResource;
import io.finagent.memory.rest.PatternResource;
import io.finagent.memory.rest.RelevantLessonsRequest;
import io.finagent.memory.rest.RelevantPatternsRequest;
import io.finagent.memory.rest.SimilarEpisodesRequest;
import io.finagent.platform.security.Roles;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the agent learns and finds again: lessons, patterns, episodes (REST: /api/v1/memories, /patterns, /episodes). */
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class LessonTools {

    private final MemoryResource memories;
    private final PatternResource patterns;
    private final EpisodeResource episodes;
    private final ToolAnswers answers;

    public LessonTools(MemoryResource memories, PatternResource patterns, EpisodeResource episodes, ToolAnswers answers) {
        this.memories = memories;
        this.patterns = patterns;
        this.episodes = episodes;
        this.answers = answers;
    }

    @Tool(name = "store_lesson", description = "Keep a lesson (FEEDBACK: what worked or failed; OBSERVATION: something noticed) with"
            + " the market it was learned in. Lessons cited by decisions gain or lose weight with their outcomes.")
    Uni<ToolResponse> storeLesson(
            @ToolArg(description = "FEEDBACK or OBSERVATION (DECISION and PATTERN are kept by the memory itself)") MemoryType memoryType,
            @ToolArg(description = "The lesson itself, as a JSON object, e.g. {\"text\": \"RSI above 70 reverses within a week\"}")
            Map<String, Object> content,
            @ToolArg(description = "One line, at most 2000 characters", required = false) String summary,
            @ToolArg(description = "The market it was learned in", required = false) MarketContextRequest marketContext,
            @ToolArg(description = "The symbol it holds for", required = false) String symbol,
            @ToolArg(description = "The strategy it holds for", required = false) Long strategyId,
            @ToolArg(description = "The decision it was learned from", required = false) Long decisionId,
            @ToolArg(description = "How relevant, 0 to 1 (default 1)", required = false) BigDecimal relevanceScore,
            @ToolArg(description = "When it was learned, an ISO-8601 UTC instant (default now)", required = false) Instant learnedAt,
            @ToolArg(description = "Any string of up to 100 characters that makes a retry safe", required = false) String idempotencyKey) {
        MemoryRequest request = new MemoryRequest(memoryType, content, summary, relevanceScore, decisionId, marketContext, symbol,
                strategyId, learnedAt);
        return answers.answer(request, () -> memories.store(request, ToolAnswers.idempotencyKey(idempotencyKey)));
    }

    @Tool(name = "find_relevant_lessons", description = "Your lessons most relevant to the market now, ranked by similarity and by the"
            + " evidence of the outcomes of the decisions that cited them; asOf answers as of that instant.")
    Uni<ToolResponse> findRelevantLessons(
            @ToolArg(description = "The market now (without it, lessons rank by relevance and evidence alone)", required = false)
            MarketContextRequest marketContext,
            @ToolArg(description = "Only lessons for this symbol", required = false) String symbol,
            @ToolArg(description = "Only lessons for this strategy", required = false) Long strategyId,
            @ToolArg(description = "Memory types (default FEEDBACK and OBSERVATION)", required = false) List<MemoryType> memoryTypes,
            @ToolArg(description = "How many, 1 to 100 (default 10)", required = false) Integer k,
            @ToolArg(description = "Answer as of this ISO-8601 UTC instant (default now)", required = false) Instant asOf) {
        RelevantLessonsRequest request = new RelevantLessonsRequest(marketContext, symbol, strategyId, memoryTypes, k, asOf);
        return answers.answer(request, () -> memories.relevant(request));
    }

    @Tool(name = "find_relevant_patterns", description = "Your recognized patterns most relevant to the market now, with their"
            + " observed success; asOf answers as of that instant.")
    Uni<ToolResponse> findRelevantPatterns(
            @ToolArg(description = "The market now: features and optional notes") MarketContextRequest marketContext,
            @ToolArg(description = "Only patterns for this symbol", required = false) String symbol,
            @ToolArg(description = "How many, 1 to 100 (default 10)", required = false) Integer k,
            @ToolArg(description = "Answer as of this ISO-8601 UTC instant (default now)", required = false) Instant asOf) {
        RelevantPatternsRequest request = new RelevantPatternsRequest(marketContext, symbol, k, asOf);
        return answers.answer(request, () -> patterns.relevant(request));
    }

    @Tool(name = "find_similar_episodes", description = "Your past episodes (market stretches you recorded) most like the market now.")
    Uni<ToolResponse> findSimilarEpisodes(
            @ToolArg(description = "The market now: feature name to finite number") Map<String, Double> features,
            @ToolArg(description = "Only episodes of this symbol", required = false) String symbol,
            @ToolArg(description = "How many, 1 to 100 (default 10)", required = false) Integer k,
            @ToolArg(description = "Answer as of this ISO-8601 UTC instant (default now)", required = false) Instant asOf) {
        SimilarEpisodesRequest request = new SimilarEpisodesRequest(features, symbol, k, asOf);
        return answers.answer(request, () -> episodes.similar(request));
    }
}
