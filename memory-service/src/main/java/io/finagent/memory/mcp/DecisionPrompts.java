package io.finagent.memory.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.rest.AgentContextResource;
import io.finagent.platform.problem.Problem;
import io.finagent.platform.problem.Problems;
import io.finagent.platform.security.Roles;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.Prompt;
import io.quarkiverse.mcp.server.PromptArg;
import io.quarkiverse.mcp.server.PromptMessage;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;

import java.io.IOException;
import java.util.Map;

/** The decision-making prompt, with the memory's context for the market now filled in. */
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class DecisionPrompts {

    private final AgentContextResource context;
    private final ObjectMapper json;

    public DecisionPrompts(AgentContextResource context, ObjectMapper json) {
        this.context = context;
        this.json = json;
    }

    @Prompt(name = "decide", description = "Decide BUY, SELL or HOLD on a symbol from what the memory knows of markets like this"
            + " one (similar past decisions and their outcomes, lessons, patterns, episodes, the session's events), then record"
            + " the decision citing that context.")
    Uni<PromptMessage> decide(
            @PromptArg(description = "The symbol to decide on, e.g. AAPL") String symbol,
            @PromptArg(description = "The market now, a JSON object of feature name to number, e.g. {\"rsi_14\": 61.5, \"ret_5d\": 0.02}")
            String features,
            @PromptArg(description = "Your strategy's id", required = false) String strategyId,
            @PromptArg(description = "Your working-memory session", required = false) String sessionId) {
        Map<String, Double> market = parse("features", features, new TypeReference<>() { });
        Long strategy = strategyId == null || strategyId.isBlank() ? null : parse("strategyId", strategyId, new TypeReference<Long>() { });
        return context.context(RecallTools.featureParams(market), symbol, strategy, sessionId, 5, 60, 8000, null)
                .onFailure().transform(DecisionPrompts::invalid)
                .map(answer -> PromptMessage.withUserRole("""
                        You are a trading agent deciding on %s%s. This is what your memory holds for a market like this one \
                        (JSON: similar past decisions with their outcomes and statistics, relevant lessons and patterns, similar \
                        episodes, your session's recent events):

                        %s

                        Weigh how the similar decisions turned out (their win rate and mean outcome) and what the lessons say. \
                        Then call record_decision with strategyId, symbol %s, decisionType BUY, SELL or HOLD, a confidence from \
                        0 to 1, marketContext {"features": %s}, your reasoning in a sentence, contextId from the context above, \
                        and citedMemoryIds / citedPatternIds for the lessons and patterns you relied on."""
                        .formatted(symbol, strategy == null ? "" : " for strategy " + strategy, answer, symbol, features)));
    }

    private <T> T parse(String argument, String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new McpException(argument + ": " + (argument.equals("features")
                    ? "must be a JSON object of feature name to number" : "must be a whole number"), JsonRpcErrorCodes.INVALID_PARAMS);
        }
    }

    private static Throwable invalid(Throwable failure) {
        Problem problem = Problems.of(failure);
        return new McpException(problem.detail(), problem.status() < 500 ? JsonRpcErrorCodes.INVALID_PARAMS : JsonRpcErrorCodes.INTERNAL_ERROR);
    }
}
