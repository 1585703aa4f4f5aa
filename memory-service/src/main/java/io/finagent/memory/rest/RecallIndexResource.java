package io.finagent.memory.rest;

import io.finagent.memory.index.DecisionIndex;
import io.finagent.memory.index.DecisionIndexRebuild;
import io.finagent.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The recall index, for operators: its state, and a rebuild from PostgreSQL (after a restore, say). */
@Path("/api/v1/admin/recall-index")
@RolesAllowed(Roles.ADMIN)
public class RecallIndexResource {

    public record IndexState(String state, long decisions) {
    }

    private final DecisionIndex index;
    private final DecisionIndexRebuild rebuild;

    public RecallIndexResource(DecisionIndex index, DecisionIndexRebuild rebuild) {
        this.index = index;
        this.rebuild = rebuild;
    }

    @GET
    public IndexState state() {
        return new IndexState(index.ready() ? "ready" : "building", index.documents());
    }

    @POST
    @Path("/rebuild")
    public Response rebuild() {
        rebuild.start();
        return Response.accepted(state()).build();
    }
}
