package io.finagent.cache.rest;

import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.CacheKey;
import io.finagent.cache.domain.Level;
import io.finagent.cache.service.TieredCache;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.platform.validation.Symbol;
import io.quarkus.vertx.web.Param;
import io.quarkus.vertx.web.Route;
import io.quarkus.vertx.web.Route.HttpMethod;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * The cache's reads, as Quarkus reactive routes; the writes are JAX-RS resources. A read is the
 * service's hot path, and the REST layer's per-call work (invoker, interceptors, response
 * building) cost more than the read itself (README, Speed). The rules are the resources': the
 * agent or admin role ({@code @RolesAllowed}), problems from the platform's
 * {@code RouterProblems}, parameters checked by {@link RouteParameters}.
 * <ul>
 *   <li>{@code GET /api/v1/cache/{key}?lease=true}: the user's key; on a miss one caller is told to load it
 *   ({@code X-Cache-Lease}), the others wait for its write.</li>
 *   <li>{@code GET /api/v1/market-data/{symbol}/{dataType}?timeframe=&lease=}: shared market data.</li>
 *   <li>{@code GET /api/v1/analyses/{symbol}/{strategy}?maxAge=}: the user's analysis, if younger than maxAge seconds (3600 by default).</li>
 * </ul>
 * Each read may name its level, {@code ?level=L1|L2|L3}: the answer is that level's alone (404 when
 * it does not hold the key), and nothing is copied into a faster one.
 */
@ApplicationScoped
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class CacheReadRoutes {

    private static final String LEVEL = "level";
    private static final String LEVELS = "^L[123]$";
    private static final String LEVELS_RULE = "one of L1, L2, L3";

    private final TieredCache cache;
    private final CacheWrites writes;
    private final CacheConfig config;
    private final CurrentUser user;

    public CacheReadRoutes(TieredCache cache, CacheWrites writes, CacheConfig config, CurrentUser user) {
        this.cache = cache;
        this.writes = writes;
        this.config = config;
        this.user = user;
    }

    @Route(path = "/api/v1/cache/:key", methods = HttpMethod.GET)
    void key(RoutingContext rc, @Param String key) {
        if (CacheStatsResource.PATH_SEGMENT.equals(key)) {
            rc.next(); // GET /api/v1/cache/stats is the stats resource's, not a key
            return;
        }
        RouteParameters.refuseUnstorable(rc);
        writes.checkKey("key", key);
        CacheKey id = CacheKey.ofUser(user.id(), key);
        leased(rc, id, "key " + key);
    }

    @Route(path = "/api/v1/market-data/:symbol/:dataType", methods = HttpMethod.GET)
    void marketData(RoutingContext rc) {
        RouteParameters.refuseUnstorable(rc);
        String symbol = RouteParameters.required(rc, "symbol", Symbol.PATTERN, Symbol.RULE);
        String dataType = RouteParameters.required(rc, "dataType", MarketDataResource.DATA_TYPES, MarketDataResource.DATA_TYPES_RULE);
        String timeframe = RouteParameters.optional(rc, "timeframe", MarketDataResource.TIMEFRAME, MarketDataResource.TIMEFRAME_RULE);
        CacheKey key = CacheKey.ofMarket(symbol, dataType, timeframe);
        leased(rc, key, key.name());
    }

    @Route(path = "/api/v1/analyses/:symbol/:strategy", methods = HttpMethod.GET)
    void analysis(RoutingContext rc) {
        RouteParameters.refuseUnstorable(rc);
        String symbol = RouteParameters.required(rc, "symbol", Symbol.PATTERN, Symbol.RULE);
        String strategy = RouteParameters.required(rc, "strategy", AnalysisResource.STRATEGY, AnalysisResource.STRATEGY_RULE);
        Integer asked = RouteParameters.positive(rc, "maxAge", "must be a number of seconds above 0");
        Duration maxAge = asked == null ? config.analysisMaxAge() : Duration.ofSeconds(asked);
        CacheKey key = CacheKey.ofAnalysis(user.id(), symbol, strategy);
        Instant now = Instant.now();
        String what = key.name() + " younger than " + maxAge.toSeconds() + " s";
        CachedReplies.send(rc, read(rc, key), found -> CacheAnswers.hit(
                found != null && found.value().age(now).compareTo(maxAge) > 0 ? null : found, what));
    }

    /** With {@code ?lease=true} (and no level named), a miss hands this caller the lease to load the key. */
    private void leased(RoutingContext rc, CacheKey key, String what) {
        if ("true".equalsIgnoreCase(rc.request().getParam("lease")) && rc.request().getParam(LEVEL) == null) {
            CachedReplies.send(rc, cache.getOrLease(key), read -> CacheAnswers.hit(read, what, config.leaseTime()));
        } else {
            CachedReplies.send(rc, read(rc, key), found -> CacheAnswers.hit(found, what));
        }
    }

    /** From the fastest level that holds the key, or from the one the read names ({@code ?level=L2}), and only from it. */
    private Uni<TieredCache.Found> read(RoutingContext rc, CacheKey key) {
        String level = RouteParameters.optional(rc, LEVEL, LEVELS, LEVELS_RULE);
        return level == null ? cache.get(key) : cache.getAt(key, Level.valueOf(level));
    }
}
