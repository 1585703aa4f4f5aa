package io.finagent.memory.rest;

import io.finagent.memory.index.DecisionIndex;
import io.finagent.memory.index.DecisionIndexFollower;
import io.finagent.memory.index.SkippedDecision;
import io.finagent.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The recall index, for operators: its state, the decisions it could not take, and a rebuild from PostgreSQL. */
@Path("/api/v1/admin/recall-index")
@RolesAllowed(Roles.ADMIN)
public class RecallIndexResource {

    /**
     * {@code segments}: each has its own graph that every recall searches (an idle index merges its
     * small ones); {@code skippedDecisions}: the newest hundred of the {@code skipped}, with the reason.
     */
    public record IndexReport(String state, long decisions, int segments, double lagSeconds, long skipped,
                             List<SkippedDecision> skippedDecisions) {
    }

    private final DecisionIndex index;
    private final DecisionIndexFollower follower;

    public RecallIndexResource(DecisionIndex index, DecisionIndexFollower follower) {
        this.index = index;
        this.follower = follower;
    }

    @GET
    public IndexReport state() {
        return new IndexReport(index.state().label(), index.documentsNow(), index.segments(), follower.lagSeconds(),
                index.skippedTotal(), index.skipped());
    }

    /** The state is read before the rebuild is asked for, so that nothing can fail the request after it. */
    @POST
    @Path("/rebuild")
    public Response rebuild() {
        IndexReport before = state();
        follower.rebuild();
        return Response.accepted(before).build();
    }
}
