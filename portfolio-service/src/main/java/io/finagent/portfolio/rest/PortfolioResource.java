package io.finagent.portfolio.rest;

import io.finagent.platform.paging.Page;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.rest.Responses;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.portfolio.mapping.PortfolioMapper;
import io.finagent.portfolio.service.PortfolioService;
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

import java.time.Duration;
import java.time.Instant;

@Path("/api/v1/portfolios")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class PortfolioResource {

    private final PortfolioService service;
    private final PortfolioMapper mapper;
    private final CurrentUser user;

    public PortfolioResource(PortfolioService service, PortfolioMapper mapper, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.user = user;
    }

    @POST
    public Uni<Response> open(@NotNull(message = "a portfolio body is required") @Valid PortfolioRequest request,
                              @HeaderParam("Idempotency-Key") @Size(max = 100) String idempotencyKey,
                              @Context UriInfo uri) {
        return service.open(mapper.toPortfolio(user.id(), request, idempotencyKey, Instant.now()))
                .map(created -> Responses.created(uri, created.value().id, created.replayed(), mapper.toResponse(created.value())));
    }

    @GET
    @Path("/{id}")
    public Uni<PortfolioReport> get(@PathParam("id") long id) {
        return service.find(user.id(), id).map(mapper::toReport);
    }

    /** The equity curve: the last valuation of each {@code interval} (30s, 15m, 1h, 1d…) in [from, to); the last 30 days by hourly points by default. */
    @GET
    @Path("/{id}/history")
    public Uni<HistoryResponse> history(@PathParam("id") long id, @QueryParam("from") Instant from, @QueryParam("to") Instant to,
                                        @QueryParam("interval") @Pattern(regexp = Intervals.PATTERN, message = Intervals.RULE) String interval) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        Duration step = interval == null ? Duration.ofHours(1) : Intervals.parse(interval);
        Intervals.check(start, end, step);
        return service.history(user.id(), id, start, end, step)
                .map(points -> new HistoryResponse(id, start, end, step.toSeconds(), points));
    }

    @GET
    public Uni<Page<PortfolioResponse>> list(@Valid @BeanParam PageRequest page) {
        return service.list(user.id(), page.page, page.size).map(p -> p.map(mapper::toResponse));
    }
}
