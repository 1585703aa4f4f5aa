package io.finagent.memory.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.finagent.memory.rest.SessionEventRequest;
import io.finagent.memory.rest.SessionResource;
import io.finagent.platform.security.Roles;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;

/** The session's working memory: what just happened, kept for get_agent_context (REST: /api/v1/sessions/{id}). */
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class SessionTools {

    private final SessionResource sessions;
    private final ToolAnswers answers;

    public SessionTools(SessionResource sessions, ToolAnswers answers) {
        this.sessions = sessions;
        this.answers = answers;
    }

    @Tool(name = "add_session_event", description = "Note something that just happened in your session (a price seen, an order"
            + " placed, a news item, a thought) in working memory. get_agent_context with the same sessionId shows the recent"
            + " events; a session is forgotten after a day without events.")
    Uni<ToolResponse> addSessionEvent(
            @ToolArg(description = "Your session's id: 1 to 100 letters, digits or . _ -") String sessionId,
            @ToolArg(description = "The kind of event: 1 to 64 letters, digits or . _ -, e.g. price_seen") String type,
            @ToolArg(description = "The event itself, any JSON value, e.g. {\"symbol\": \"AAPL\", \"price\": 187.2}") JsonNode payload,
            @ToolArg(description = "When it happened, an ISO-8601 UTC instant (default now)", required = false) Instant occurredAt,
            @ToolArg(description = "Any string of up to 100 characters that makes a retry safe", required = false) String idempotencyKey) {
        SessionEventRequest request = new SessionEventRequest(type, payload, occurredAt);
        return answers.answer(request, () -> sessions.add(sessionId, request, ToolAnswers.idempotencyKey(idempotencyKey)));
    }

    @Tool(name = "get_session_events", description = "The events of your session in the last lookbackMinutes, oldest first.")
    Uni<ToolResponse> getSessionEvents(
            @ToolArg(description = "Your session's id") String sessionId,
            @ToolArg(description = "How far back, 1 to 10080 minutes (default 60)", required = false) Integer lookbackMinutes) {
        return answers.answer(null, () -> sessions.context(sessionId, lookbackMinutes == null ? 60 : lookbackMinutes));
    }
}
