package io.finagent.strategy.rest;

import io.finagent.platform.paging.Page;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.rest.Responses;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.strategy.domain.StrategyStatus;
import io.finagent.strategy.mapping.StrategyMapper;
import io.finagent.strategy.service.StrategyChange;
import io.finagent.strategy.service.StrategyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;

/** A user's strategies and their configuration history; an archived strategy is read-only (409). */
@Path("/api/v1/strategies")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class StrategyResource {

    private static final String STATUSES = "ACTIVE|INACTIVE|ARCHIVED";

    private final StrategyService service;
    private final StrategyMapper mapper;
    private final CurrentUser user;

    public StrategyResource(StrategyService service, StrategyMapper mapper, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.user = user;
    }

    @POST
    public Uni<Response> create(@NotNull(message = "a strategy body is required") @Valid StrategyRequest request,
                                @HeaderParam("Idempotency-Key") @Size(max = 100) String idempotencyKey, @Context UriInfo uri) {
        return service.create(mapper.toStrategy(user.id(), request, idempotencyKey, Instant.now()), request.changelog())
                .map(created -> Responses.created(uri, created.value().id, created.replayed(), mapper.toResponse(created.value())));
    }

    /** Newest first; {@code ?status=ACTIVE} keeps one status. */
    @GET
    public Uni<Page<StrategyResponse>> list(@QueryParam("status") @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES) String status,
                                            @Valid @BeanParam PageRequest page) {
        return service.list(user.id(), status == null ? null : StrategyStatus.valueOf(status), page.page, page.size)
                .map(p -> p.map(mapper::toResponse));
    }

    @GET
    @Path("/{id}")
    public Uni<StrategyResponse> get(@PathParam("id") long id) {
        return service.find(user.id(), id).map(mapper::toResponse);
    }

    @PUT
    @Path("/{id}")
    public Uni<StrategyResponse> update(@PathParam("id") long id,
                                        @NotNull(message = "a strategy body is required") @Valid StrategyRequest request) {
        StrategyChange change = new StrategyChange(request.name().strip(), request.description(), request.type(), request.config(),
                request.status(), request.defaultHorizonMinutes(), request.changelog());
        return service.update(user.id(), id, change, Instant.now()).map(mapper::toResponse);
    }

    /** Newest first. */
    @GET
    @Path("/{id}/versions")
    public Uni<Page<VersionResponse>> versions(@PathParam("id") long id, @Valid @BeanParam PageRequest page) {
        return service.versions(user.id(), id, page.page, page.size).map(p -> p.map(mapper::toResponse));
    }

    /** Brings an old config back as a new version; 201 with that version. */
    @POST
    @Path("/{id}/versions/{version}/restore")
    public Uni<Response> restore(@PathParam("id") long id, @PathParam("version") @Positive int version, @Valid RestoreRequest request) {
        return service.restore(user.id(), id, version, request == null ? null : request.changelog(), Instant.now())
                .map(v -> Response.status(Response.Status.CREATED).entity(mapper.toResponse(v)).build());
    }
}
