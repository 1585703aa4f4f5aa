package io.finagent.memory.rest;

import io.finagent.memory.mapping.DecisionMapper;
import io.finagent.memory.service.AgentContextArchive;
import io.finagent.memory.service.DecisionService;
import io.finagent.memory.service.OutcomeService;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.paging.Page;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.rest.Responses;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Owned;
import io.finagent.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;

@Path("/api/v1/decisions")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class DecisionResource {

    private final DecisionService service;
    private final OutcomeService outcomes;
    private final AgentContextArchive contexts;
    private final DecisionMapper mapper;
    private final CurrentUser user;

    public DecisionResource(DecisionService service, OutcomeService outcomes, AgentContextArchive contexts, DecisionMapper mapper,
                            CurrentUser user) {
        this.service = service;
        this.contexts = contexts;
        this.outcomes = outcomes;
        this.mapper = mapper;
        this.user = user;
    }

    @POST
    public Uni<Response> record(@NotNull(message = "a decision body is required") @Valid DecisionRequest request,
                                @HeaderParam("Idempotency-Key") @Size(max = 100) String idempotencyKey,
                                @Context UriInfo uri) {
        return store(request, idempotencyKey).map(created -> Responses.created(uri, created.value().id(), created.replayed(), created.value()));
    }

    /** The decision, stored once per Idempotency-Key: REST's create and the MCP tool record_decision. */
    public Uni<Created<DecisionResponse>> store(DecisionRequest request, String idempotencyKey) {
        return service.record(mapper.toDecision(user.id(), request, idempotencyKey, Instant.now()), request.sessionId())
                .map(created -> new Created<>(mapper.toResponse(created.value()), created.replayed()));
    }

    @GET
    @Path("/{id}")
    public Uni<DecisionResponse> get(@PathParam("id") long id) {
        return service.find(user.id(), id).map(mapper::toResponse);
    }

    /** The context the decision cited, as kept, with the proof that it is unchanged. */
    @GET
    @Path("/{id}/context")
    public Uni<DecisionContextResponse> context(@PathParam("id") long id) {
        return service.find(user.id(), id).chain(contexts::citedBy).map(mapper::toContextResponse);
    }

    /** Idempotent: the same outcome again is a no-op; a different one is 409. */
    @PUT
    @Path("/{id}/outcome")
    public Uni<DecisionResponse> recordOutcome(@PathParam("id") long id,
                                               @NotNull(message = "an outcome body is required") @Valid OutcomeRequest request) {
        Instant measuredAt = request.measuredAt() != null ? request.measuredAt() : Instant.now();
        return Owned.orNotFound(outcomes.apply(user.id(), id, request.outcome(), measuredAt), "decision", id)
                .map(mapper::toResponse);
    }

    @GET
    public Uni<Page<DecisionResponse>> list(@Valid @BeanParam DecisionFilter filter, @Valid @BeanParam PageRequest page) {
        if (filter.from != null && filter.to != null && !filter.from.isBefore(filter.to)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return service.list(mapper.toQuery(user.id(), filter), page.page, page.size).map(p -> p.map(mapper::toResponse));
    }
}
