package io.finagent.strategy.rest;

import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.strategy.mapping.PerformanceMapper;
import io.finagent.strategy.service.PerformanceService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;

/** A strategy's performance over [from, to): by default over all its outcomes (from the epoch) to now. */
@Path("/api/v1/strategies/{id}/performance")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class PerformanceResource {

    private final PerformanceService service;
    private final PerformanceMapper mapper;
    private final CurrentUser user;

    public PerformanceResource(PerformanceService service, PerformanceMapper mapper, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.user = user;
    }

    @GET
    public Uni<PerformanceResponse> get(@PathParam("id") long id, @QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        Instant now = Instant.now();
        Instant start = from == null ? Instant.EPOCH : from;
        Instant end = to == null ? now : to;
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return service.compute(user.id(), id, start, end, now).map(mapper::toResponse);
    }
}
