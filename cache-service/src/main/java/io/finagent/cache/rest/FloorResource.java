package io.finagent.cache.rest;

import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Does no work: routing, the token check and a constant answer, as a cache read has them. The
 * benchmark measures this as the framework's floor, the most a cache hit over REST could reach.
 */
@Path("/api/v1/floor")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class FloorResource {

    @GET
    @NonBlocking // on the event loop, as the cache's reads run: a worker thread would add a hop the reads do not pay
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
        return "{}";
    }
}
