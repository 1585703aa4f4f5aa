package io.finagent.memory.rest;

import io.finagent.memory.domain.SessionEvent;
import io.finagent.memory.service.WorkingMemory;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Duration;
import java.time.Instant;

/** Working memory of an agent session: recent events, per user, in Redis; 503 while Redis is down. */
@Path("/api/v1/sessions/{id}")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class SessionResource {

    static final String SESSION_ID = "^[A-Za-z0-9._-]{1,100}$";
    static final String SESSION_ID_RULE = "must be 1 to 100 letters, digits or . _ -";

    private final WorkingMemory memory;
    private final CurrentUser user;

    public SessionResource(WorkingMemory memory, CurrentUser user) {
        this.memory = memory;
        this.user = user;
    }

    @POST
    @Path("/events")
    public Uni<Response> add(@PathParam("id") @Pattern(regexp = SESSION_ID, message = SESSION_ID_RULE) String sessionId,
                             @NotNull(message = "an event body is required") @Valid SessionEventRequest request,
                             @HeaderParam("Idempotency-Key") @Size(max = 100) String idempotencyKey) {
        Instant at = request.occurredAt() != null ? request.occurredAt() : Instant.now();
        SessionEvent event = new SessionEvent(request.type(), request.payload(), at);
        return memory.add(user.id(), sessionId, event, idempotencyKey).map(added ->
                Response.created(UriBuilder.fromPath("/api/v1/sessions/{id}/context").build(sessionId))
                        .header("Idempotent-Replayed", added.replayed()).entity(added.value()).build());
    }

    @GET
    @Path("/context")
    public Uni<SessionContextResponse> context(@PathParam("id") @Pattern(regexp = SESSION_ID, message = SESSION_ID_RULE) String sessionId,
                                               @QueryParam("lookbackMinutes") @DefaultValue("60")
                                               @Min(value = 1, message = "must be at least 1")
                                               @Max(value = 10080, message = "must be at most 10080 (a week)") int lookbackMinutes) {
        return memory.since(user.id(), sessionId, Instant.now().minus(Duration.ofMinutes(lookbackMinutes)))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("session", sessionId)))
                .map(events -> new SessionContextResponse(sessionId, lookbackMinutes, events.size(), events));
    }
}
