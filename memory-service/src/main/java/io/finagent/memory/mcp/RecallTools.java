package io.finagent.memory.mcp;

import io.finagent.memory.rest.AgentContextResource;
import io.finagent.memory.rest.MarketContextRequest;
import io.finagent.memory.rest.RecallRequest;
import io.finagent.memory.rest.RecallResource;
import io.finagent.platform.security.Roles;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the memory knows before a decision: similar past situations, and the whole context (REST: /api/v1/recall, /api/v1/context). */
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class RecallTools {

    private final RecallResource recall;
    private final AgentContextResource context;
    private final ToolAnswers answers;

    public RecallTools(RecallResource recall, AgentContextResource context, ToolAnswers answers) {
        this.recall = recall;
        this.context = context;
        this.answers = answers;
    }

    @Tool(name = "recall_similar_decisions", description = "Find your past decisions taken in markets most like this one (by their"
            + " features), with their outcomes and statistics (win rate, mean outcome). Give asOf to see exactly what was known at that"
            + " instant, with no look-ahead: nothing decided or measured after it counts.")
    Uni<ToolResponse> recallSimilarDecisions(
            @ToolArg(description = "The market now: features (name to finite number) and optional notes") MarketContextRequest marketContext,
            @ToolArg(description = "Only decisions on this symbol", required = false) String symbol,
            @ToolArg(description = "Only decisions of this strategy", required = false) Long strategyId,
            @ToolArg(description = "How many neighbours, 1 to 100 (default 10)", required = false) Integer k,
            @ToolArg(description = "Answer as of this ISO-8601 UTC instant (default now)", required = false) Instant asOf,
            @ToolArg(description = "true for an exact search instead of the index (slower)", required = false) Boolean exact) {
        RecallRequest request = new RecallRequest(marketContext, symbol, strategyId, k, asOf, exact);
        return answers.answer(request, () -> recall.recall(request));
    }

    @Tool(name = "get_agent_context", description = "Everything the memory holds for the decision you are about to take, in one"
            + " answer within a size budget: similar past decisions and their outcomes, relevant lessons and patterns, similar"
            + " episodes, and the session's recent events. Decide from it, then cite its contextId in record_decision.")
    Uni<ToolResponse> getAgentContext(
            @ToolArg(description = "The market now: feature name to finite number, e.g. {\"rsi_14\": 61.5}", required = false)
            Map<String, Double> features,
            @ToolArg(description = "The symbol you are deciding on", required = false) String symbol,
            @ToolArg(description = "Your strategy", required = false) Long strategyId,
            @ToolArg(description = "Your working-memory session", required = false) String sessionId,
            @ToolArg(description = "How many items of each kind, 1 to 50 (default 5)", required = false) Integer k,
            @ToolArg(description = "How far back the session's events go, in minutes (default 60)", required = false) Integer lookbackMinutes,
            @ToolArg(description = "The answer's size budget in characters, 500 to 200000 (default 8000)", required = false) Integer budget,
            @ToolArg(description = "Answer as of this ISO-8601 UTC instant (default now)", required = false) Instant asOf) {
        return answers.answer(null, () -> context.context(featureParams(features), symbol, strategyId, sessionId, k == null ? 5 : k,
                lookbackMinutes == null ? 60 : lookbackMinutes, budget == null ? 8000 : budget, asOf));
    }

    /** Features as GET /context takes them: {@code feature=name:value}. */
    static List<String> featureParams(Map<String, Double> features) {
        return features == null ? List.of() : features.entrySet().stream().map(f -> f.getKey() + ":" + f.getValue()).toList();
    }
}
