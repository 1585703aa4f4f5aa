package io.finagent.cache.rest;

import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.CacheKey;
import io.finagent.cache.service.TieredCache;
import io.finagent.platform.security.Roles;
import io.finagent.platform.validation.Happened;
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

/**
 * Market data, shared by every user, kept by its data type's rule (TTL and levels, configurable):
 * realtime_price 5 s in L1, daily_price 1 h and indicators 30 min in L2, fundamentals 1 day and
 * historical 1 week in L3. A read ({@link CacheReadRoutes}) promotes it to the faster levels with the time it has left.
 */
@Path("/api/v1/market-data")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class MarketDataResource {

    static final String DATA_TYPES = "realtime_price|daily_price|indicators|fundamentals|historical";
    static final String DATA_TYPES_RULE = "must be one of " + DATA_TYPES;
    static final String TIMEFRAME = "^[0-9A-Za-z]{1,16}$";
    static final String TIMEFRAME_RULE = "must be 1 to 16 letters or digits, such as 1d or 5m";

    private final TieredCache cache;
    private final CacheWrites writes;
    private final CacheConfig config;

    public MarketDataResource(TieredCache cache, CacheWrites writes, CacheConfig config) {
        this.cache = cache;
        this.writes = writes;
        this.config = config;
    }

    /** Stores market data by its type's rule; {@code dataTime}, the instant the data describes, comes back as X-Market-Data-Time. */
    @PUT
    @Path("{symbol}/{dataType}")
    @Consumes(MediaType.WILDCARD)
    public Uni<CacheEntryResponse> put(@PathParam("symbol") @Symbol String symbol,
                                       @PathParam("dataType") @Pattern(regexp = DATA_TYPES, message = DATA_TYPES_RULE) String dataType,
                                       @QueryParam("timeframe") @Pattern(regexp = TIMEFRAME, message = TIMEFRAME_RULE) String timeframe,
                                       @QueryParam("dataTime") @Happened Instant dataTime,
                                       String body) {
        CacheConfig.Rule rule = config.marketData().get(dataType);
        var value = writes.value(body, false, rule.ttl(), Instant.now()).describing(dataTime);
        CacheKey key = CacheKey.ofMarket(symbol, dataType, timeframe);
        return cache.put(key, value, rule.levels()).replaceWith(new CacheEntryResponse(key.name(), rule.levels(), value.expiresAt(), false));
    }

    /** Deletes one symbol's data of one type (and timeframe) from every level and every replica's L1. */
    @DELETE
    @Path("{symbol}/{dataType}")
    public Uni<Response> delete(@PathParam("symbol") @Symbol String symbol,
                                @PathParam("dataType") @Pattern(regexp = DATA_TYPES, message = DATA_TYPES_RULE) String dataType,
                                @QueryParam("timeframe") @Pattern(regexp = TIMEFRAME, message = TIMEFRAME_RULE) String timeframe) {
        return cache.delete(CacheKey.ofMarket(symbol, dataType, timeframe)).replaceWith(Response.noContent().build());
    }

    /**
     * Removes the market data whose name {@code SYMBOL:dataType:timeframe} matches a glob
     * ({@code AAPL:*} a symbol's, {@code *:daily_price:*} a type's; {@code -} is "no timeframe")
     * from every level and every replica's L1.
     */
    @POST
    @Path("invalidate")
    public Uni<InvalidationResponse> invalidate(@NotNull(message = "a body with a pattern is required") @Valid InvalidationRequest request) {
        String idGlob = writes.idGlob("pattern", CacheKey.MARKET, null, request.pattern());
        return cache.invalidate(idGlob).map(removed -> new InvalidationResponse(request.pattern(), removed));
    }
}
