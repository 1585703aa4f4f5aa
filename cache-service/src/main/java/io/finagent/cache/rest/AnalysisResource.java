package io.finagent.cache.rest;

import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.CacheKey;
import io.finagent.cache.service.TieredCache;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.platform.validation.Symbol;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/** Stores a user's AI analyses of a symbol under a strategy; {@link CacheReadRoutes} reads them back, with {@code ?maxAge=}. */
@Path("/api/v1/analyses/{symbol}/{strategy}")
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
    @Consumes(MediaType.WILDCARD)
    public Uni<CacheEntryResponse> put(@PathParam("symbol") @Symbol String symbol,
                                       @PathParam("strategy") @Pattern(regexp = STRATEGY, message = STRATEGY_RULE) String strategy,
                                       @QueryParam("ttl") Integer ttl, String body) {
        var value = writes.value(body, false, ttl == null ? config.analysis().ttl() : writes.ttl(ttl), Instant.now());
        CacheKey key = CacheKey.ofAnalysis(user.id(), symbol, strategy);
        return cache.put(key, value, config.analysis().levels())
                .replaceWith(new CacheEntryResponse(key.name(), config.analysis().levels(), value.expiresAt(), false));
    }

}
