package io.finagent.portfolio.rest;

import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.portfolio.mapping.OutcomeMapper;
import io.finagent.portfolio.service.OutcomeMeasurementService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The measurement of one of the user's decisions: pending, measured (with its outcome) or skipped (with the reason). */
@Path("/api/v1/outcomes")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class OutcomeResource {

    private final OutcomeMeasurementService service;
    private final OutcomeMapper mapper;
    private final CurrentUser user;

    public OutcomeResource(OutcomeMeasurementService service, OutcomeMapper mapper, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.user = user;
    }

    @GET
    @Path("/{decisionId}")
    public Uni<OutcomeResponse> get(@PathParam("decisionId") long decisionId) {
        return service.find(user.id(), decisionId).map(mapper::toResponse);
    }
}
