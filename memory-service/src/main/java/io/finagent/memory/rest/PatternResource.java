package io.finagent.memory.rest;

import io.finagent.memory.mapping.PatternMapper;
import io.finagent.memory.service.PatternService;
import io.finagent.platform.paging.Page;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.rest.Responses;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.platform.validation.ReadableInstant;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Path("/api/v1/patterns")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class PatternResource {

    private final PatternService service;
    private final PatternMapper mapper;
    private final CurrentUser user;

    public PatternResource(PatternService service, PatternMapper mapper, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.user = user;
    }

    @POST
    public Uni<Response> create(@NotNull(message = "a pattern body is required") @Valid PatternRequest request,
                                @HeaderParam("Idempotency-Key") @Size(max = 100) String idempotencyKey,
                                @Context UriInfo uri) {
        return service.create(mapper.toPattern(user.id(), request, idempotencyKey, Instant.now()))
                .map(created -> Responses.created(uri, created.value().id, created.replayed(), mapper.toResponse(created.value())));
    }

    @GET
    @Path("/{id}")
    public Uni<PatternResponse> get(@PathParam("id") long id) {
        return service.find(user.id(), id).map(mapper::toResponse);
    }

    /** Ranked by confidence (the Wilson lower bound of the success rate) as of {@code asOf} (default now), best first. */
    @GET
    public Uni<Page<PatternResponse>> list(@QueryParam("patternType") String patternType, @QueryParam("symbol") String symbol,
                                           @QueryParam("asOf") @ReadableInstant Instant asOf, @Valid @BeanParam PageRequest page) {
        return service.ranked(user.id(), AsOf.of(asOf), patternType == null ? null : patternType.toUpperCase(),
                        symbol == null ? null : symbol.toUpperCase(), page.page, page.size)
                .map(p -> p.map(mapper::toResponse));
    }

    @POST
    @Path("/relevant")
    public Uni<RelevantPatternsResponse> relevant(@NotNull(message = "a body is required") @Valid RelevantPatternsRequest request) {
        Instant asOf = AsOf.of(request.asOf());
        return service.relevant(user.id(), request.marketContext().features(),
                        request.symbol() == null ? null : request.symbol().toUpperCase(), request.k() == null ? 10 : request.k(), asOf)
                .map(found -> new RelevantPatternsResponse(asOf, found.stream().map(mapper::toMatch).toList()));
    }

    @POST
    @Path("/{id}/observations")
    public Uni<PatternResponse> observe(@PathParam("id") long id,
                                        @NotNull(message = "an observation body is required") @Valid ObservationRequest request) {
        Instant observedAt = request.observedAt() == null ? Instant.now() : request.observedAt();
        return service.observe(user.id(), id, request.outcome(), observedAt.truncatedTo(ChronoUnit.MICROS)).map(mapper::toResponse);
    }
}
