package io.finagent.cache.rest;

import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.CacheKey;
import io.finagent.cache.service.TieredCache;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.platform.validation.Symbol;
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

/** Stores a user's AI analyses of a symbol under a strategy; {@link CacheReadRoutes} reads them back, with {@code ?maxAge=}. */
@Path("/api/v1/analyses")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class AnalysisResource {

    static final String STRATEGY = "^[A-Za-z0-9_.-]{1,64}$";
    static final String STRATEGY_RULE = "must be 1 to 64 letters, digits, '_', '.' or '-'";

    private final TieredCache cache;
    private final CacheWrites writes;
    private final CacheConfig config;
    private final CurrentUser user;

    public AnalysisResource(TieredCache cache, CacheWrites writes, CacheConfig config, CurrentUser user) {
        this.cache = cache;
        this.writes = writes;
        this.config = config;
        this.user = user;
    }

    @PUT
    @Path("{symbol}/{strategy}")
    @Consumes(MediaType.WILDCARD)
    public Uni<CacheEntryResponse> put(@PathParam("symbol") @Symbol String symbol,
                                       @PathParam("strategy") @Pattern(regexp = STRATEGY, message = STRATEGY_RULE) String strategy,
                                       @QueryParam("ttl") Integer ttl, String body) {
        var value = writes.value(body, false, ttl == null ? config.analysis().ttl() : writes.ttl(ttl), Instant.now());
        CacheKey key = CacheKey.ofAnalysis(user.id(), symbol, strategy);
        return cache.put(key, value, config.analysis().levels())
                .replaceWith(new CacheEntryResponse(key.name(), config.analysis().levels(), value.expiresAt(), false));
    }

    /** Deletes the user's analysis of a symbol under a strategy from every level and every replica's L1. */
    @DELETE
    @Path("{symbol}/{strategy}")
    public Uni<Response> delete(@PathParam("symbol") @Symbol String symbol,
                                @PathParam("strategy") @Pattern(regexp = STRATEGY, message = STRATEGY_RULE) String strategy) {
        return cache.delete(CacheKey.ofAnalysis(user.id(), symbol, strategy)).replaceWith(Response.noContent().build());
    }

    /** Removes the user's analyses whose name {@code SYMBOL:strategy} matches a glob ({@code AAPL:*}, {@code *:momentum}). */
    @POST
    @Path("invalidate")
    public Uni<InvalidationResponse> invalidate(@NotNull(message = "a body with a pattern is required") @Valid InvalidationRequest request) {
        String idGlob = writes.idGlob("pattern", CacheKey.ANALYSIS, user.id(), request.pattern());
        return cache.invalidate(idGlob).map(removed -> new InvalidationResponse(request.pattern(), removed));
    }
}
