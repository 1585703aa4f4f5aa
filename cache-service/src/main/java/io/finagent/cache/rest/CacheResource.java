package io.finagent.cache.rest;

import io.finagent.cache.domain.CacheKey;
import io.finagent.cache.domain.Level;
import io.finagent.cache.service.TieredCache;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes to a user's own keys: PUT, DELETE and glob invalidation. The read, {@code GET
 * /api/v1/cache/{key}}, is a route of {@link CacheReadRoutes}, for speed.
 */
@Path("/api/v1/cache")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class CacheResource {

    static final Set<Level> DEFAULT_LEVELS = EnumSet.of(Level.L1, Level.L2);

    private final TieredCache cache;
    private final CacheWrites writes;
    private final CurrentUser user;

    public CacheResource(TieredCache cache, CacheWrites writes, CurrentUser user) {
        this.cache = cache;
        this.writes = writes;
        this.user = user;
    }

    /** {@code ?ttl=} seconds (default 3600), {@code ?levels=L1,L2} (the default), {@code ?absent=true} stores a known absence. */
    @PUT
    @Path("/{key}")
    @Consumes(MediaType.WILDCARD)
    public Uni<CacheEntryResponse> put(@PathParam("key") String key, @QueryParam("ttl") Integer ttl,
                                       @QueryParam("levels") @Pattern(regexp = CacheWrites.LEVELS, message = CacheWrites.LEVELS_RULE) String levels,
                                       @QueryParam("absent") boolean absent, String body) {
        writes.checkKey("key", key);
        var value = writes.value(body, absent, ttl, Instant.now());
        Set<Level> named = CacheWrites.levels(levels, DEFAULT_LEVELS);
        return cache.put(CacheKey.ofUser(user.id(), key), value, named)
                .replaceWith(new CacheEntryResponse(key, named, value.expiresAt(), value.isAbsent()));
    }

    @DELETE
    @Path("/{key}")
    public Uni<Response> delete(@PathParam("key") String key) {
        writes.checkKey("key", key);
        return cache.delete(CacheKey.ofUser(user.id(), key)).replaceWith(Response.noContent().build());
    }

    /** Removes the user's keys matching a glob ({@code *}, {@code ?}, {@code [abc]}) from every level and every replica. */
    @POST
    @Path("/invalidate")
    public Uni<InvalidationResponse> invalidate(@NotNull(message = "a body with a pattern is required") @Valid InvalidationRequest request) {
        String idGlob = writes.idGlob("pattern", "cache", user.id(), request.pattern());
        return cache.invalidate(idGlob).map(removed -> new InvalidationResponse(request.pattern(), removed));
    }
}
