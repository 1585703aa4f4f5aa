package io.finagent.strategy.rest;

import io.finagent.platform.paging.Page;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.rest.Responses;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.strategy.domain.AlertStatus;
import io.finagent.strategy.mapping.AlertMapper;
import io.finagent.strategy.service.AlertService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

/** Alerts: PENDING, then /send, then /acknowledge; any other step is a 409. */
@Path("/api/v1/alerts")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class AlertResource {

    private static final String STATUSES = "PENDING|SENT|ACKNOWLEDGED";

    private final AlertService service;
    private final AlertMapper mapper;
    private final CurrentUser user;

    public AlertResource(AlertService service, AlertMapper mapper, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.user = user;
    }

    @POST
    public Uni<Response> raise(@NotNull(message = "an alert body is required") @Valid AlertRequest request,
                               @HeaderParam("Idempotency-Key") @Size(max = 100) String idempotencyKey, @Context UriInfo uri) {
        return service.raise(mapper.toAlert(user.id(), request, idempotencyKey, Instant.now()))
                .map(created -> Responses.created(uri, created.value().id, created.replayed(), mapper.toResponse(created.value())));
    }

    /** Newest first; {@code ?status=PENDING} keeps one status. */
    @GET
    public Uni<Page<AlertResponse>> list(@QueryParam("status") @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES) String status,
                                         @Valid @BeanParam PageRequest page) {
        return service.list(user.id(), status == null ? null : AlertStatus.valueOf(status), page.page, page.size)
                .map(p -> p.map(mapper::toResponse));
    }

    @GET
    @Path("/{id}")
    public Uni<AlertResponse> get(@PathParam("id") long id) {
        return service.find(user.id(), id).map(mapper::toResponse);
    }

    @POST
    @Path("/{id}/send")
    public Uni<AlertResponse> send(@PathParam("id") long id) {
        return service.move(user.id(), id, AlertStatus.SENT, Instant.now()).map(mapper::toResponse);
    }

    @POST
    @Path("/{id}/acknowledge")
    public Uni<AlertResponse> acknowledge(@PathParam("id") long id) {
        return service.move(user.id(), id, AlertStatus.ACKNOWLEDGED, Instant.now()).map(mapper::toResponse);
    }
}
