package io.finagent.memory.mcp;

import io.finagent.memory.domain.DecisionType;
import io.finagent.memory.rest.DecisionRequest;
import io.finagent.memory.rest.DecisionResource;
import io.finagent.memory.rest.MarketContextRequest;
import io.finagent.memory.rest.OutcomeRequest;
import io.finagent.platform.security.Roles;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The decision loop's tools: record a decision, read it back, record its outcome (each is its REST twin under /api/v1/decisions). */
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class DecisionTools {

    private final DecisionResource decisions;
    private final ToolAnswers answers;

    public DecisionTools(DecisionResource decisions, ToolAnswers answers) {
        this.decisions = decisions;
        this.answers = answers;
    }

    @Tool(name = "record_decision", description = "Record a trading decision (BUY, SELL or HOLD) with the market it was taken in, so that"
            + " later recalls find it and its outcome is learned. Cite the context you decided from (contextId from get_agent_context)"
            + " and the lessons and patterns you relied on. Returns the stored decision with its id; the same idempotencyKey"
            + " again returns the first decision instead of a second one.")
    Uni<ToolResponse> recordDecision(
            @ToolArg(description = "The strategy taking the decision (a positive id)") Long strategyId,
            @ToolArg(description = "The traded symbol, e.g. AAPL") String symbol,
            @ToolArg(description = "BUY, SELL or HOLD") DecisionType decisionType,
            @ToolArg(description = "Confidence from 0 to 1, at most 4 decimals") BigDecimal confidence,
            @ToolArg(description = "The market now: features (name to finite number, e.g. {\"rsi_14\": 61.5, \"ret_5d\": 0.02})"
                    + " and optional free-form notes") MarketContextRequest marketContext,
            @ToolArg(description = "Why, in your words", required = false) String reasoning,
            @ToolArg(description = "Minutes after which the outcome is measured (default 1440)", required = false) Integer horizonMinutes,
            @ToolArg(description = "When the decision was taken, an ISO-8601 UTC instant (default now; never in the future)",
                    required = false) Instant decidedAt,
            @ToolArg(description = "Ids of your lessons (store_lesson) the decision relied on", required = false) List<Long> citedMemoryIds,
            @ToolArg(description = "Ids of your patterns the decision relied on", required = false) List<Long> citedPatternIds,
            @ToolArg(description = "The working-memory session the decision belongs to", required = false) String sessionId,
            @ToolArg(description = "The contextId get_agent_context answered, when the decision was taken from it", required = false)
            UUID contextId,
            @ToolArg(description = "Any string of up to 100 characters that makes a retry safe", required = false) String idempotencyKey) {
        DecisionRequest request = new DecisionRequest(strategyId, symbol, decisionType, confidence, reasoning, marketContext,
                citedMemoryIds, citedPatternIds, horizonMinutes, decidedAt, sessionId, contextId);
        return answers.answer(request, () -> decisions.store(request, ToolAnswers.idempotencyKey(idempotencyKey)));
    }

    @Tool(name = "get_decision", description = "Read one of your decisions by id, with its outcome once measured.")
    Uni<ToolResponse> getDecision(@ToolArg(description = "The decision's id") long id) {
        return answers.answer(null, () -> decisions.get(id));
    }

    @Tool(name = "record_outcome", description = "Record the outcome of one of your decisions: its signed return (0.031 for +3.1 %)."
            + " The same outcome again changes nothing; a different one is refused. The lessons and patterns the decision cited"
            + " are credited or debited by it.")
    Uni<ToolResponse> recordOutcome(
            @ToolArg(description = "The decision's id") long decisionId,
            @ToolArg(description = "The signed return, at most 10 integer and 10 decimal digits") BigDecimal outcome,
            @ToolArg(description = "When it was measured, an ISO-8601 UTC instant (default now)", required = false) Instant measuredAt) {
        OutcomeRequest request = new OutcomeRequest(outcome, measuredAt);
        return answers.answer(request, () -> decisions.recordOutcome(decisionId, request));
    }
}
