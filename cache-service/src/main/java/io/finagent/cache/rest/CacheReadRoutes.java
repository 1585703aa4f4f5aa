package io.finagent.cache.rest;

import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.CacheKey;
import io.finagent.cache.domain.Level;
import io.finagent.cache.service.TieredCache;
import io.finagent.platform.validation.Symbol;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;

/**
 * The cache's reads, and the floor they are measured against, as Vert.x routes; the writes are
 * JAX-RS resources. A read is the service's hot path, and the REST layer's per-call work
 * (invoker, interceptors, response building) cost more than the read itself: an L1 hit served
 * 0.69 of the JAX-RS floor, an L2 hit 16k req/s; as routes, 22k (bench/README). Same rules as the
 * resources: a bearer token with the agent or admin role, problem+json naming the field.
 * <ul>
 *   <li>{@code GET /api/v1/cache/{key}?lease=true}: the user's key; on a miss one caller is told to load it
 *   ({@code X-Cache-Lease}), the others wait for its write.</li>
 *   <li>{@code GET /api/v1/market-data/{symbol}/{dataType}?timeframe=&lease=}: shared market data.</li>
 *   <li>{@code GET /api/v1/analyses/{symbol}/{strategy}?maxAge=}: the user's analysis, if younger than maxAge seconds (3600 by default).</li>
 *   <li>{@code GET /api/v1/floor}: the token check and a constant, no cache work.</li>
 * </ul>
 * Each read may name its level, {@code ?level=L1|L2|L3}: the answer is that level's alone (404 when
 * it does not hold the key), and nothing is copied into a faster one.
 */
@ApplicationScoped
public class CacheReadRoutes {

    private static final String LEVEL = "level";
    private static final String LEVELS = "^L[123]$";
    private static final String LEVELS_RULE = "one of L1, L2, L3";

    private final RouteReads reads;
    private final TieredCache cache;
    private final CacheWrites writes;
    private final CacheConfig config;

    public CacheReadRoutes(RouteReads reads, TieredCache cache, CacheWrites writes, CacheConfig config) {
        this.reads = reads;
        this.cache = cache;
        this.writes = writes;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.get("/api/v1/floor").handler(rc -> reads.authorized(rc, user -> RouteReads.json(rc, 200, "{}")));
        router.get("/api/v1/cache/:key").handler(this::key);
        router.get("/api/v1/market-data/:symbol/:dataType").handler(this::marketData);
        router.get("/api/v1/analyses/:symbol/:strategy").handler(this::analysis);
    }

    private void key(RoutingContext rc) {
        String key = rc.pathParam("key");
        if (CacheStatsResource.PATH_SEGMENT.equals(key)) {
            rc.next(); // GET /api/v1/cache/stats is the stats resource's, not a key
            return;
        }
        reads.serve(rc, user -> {
            writes.checkKey("key", key);
            CacheKey id = CacheKey.ofUser(user, key);
            return leased(rc, id, "key " + key);
        });
    }

    private void marketData(RoutingContext rc) {
        reads.serve(rc, user -> {
            String symbol = RouteReads.required(rc, "symbol", Symbol.PATTERN, Symbol.RULE);
            String dataType = RouteReads.required(rc, "dataType", MarketDataResource.DATA_TYPES, MarketDataResource.DATA_TYPES_RULE);
            String timeframe = RouteReads.optional(rc, "timeframe", MarketDataResource.TIMEFRAME, MarketDataResource.TIMEFRAME_RULE);
            CacheKey key = CacheKey.ofMarket(symbol, dataType, timeframe);
            return leased(rc, key, key.name());
        });
    }

    private void analysis(RoutingContext rc) {
        reads.serve(rc, user -> {
            String symbol = RouteReads.required(rc, "symbol", Symbol.PATTERN, Symbol.RULE);
            String strategy = RouteReads.required(rc, "strategy", AnalysisResource.STRATEGY, AnalysisResource.STRATEGY_RULE);
            Integer asked = RouteReads.positive(rc, "maxAge", "must be a number of seconds above 0");
            Duration maxAge = asked == null ? config.analysisMaxAge() : Duration.ofSeconds(asked);
            CacheKey key = CacheKey.ofAnalysis(user, symbol, strategy);
            Instant now = Instant.now();
            String what = key.name() + " younger than " + maxAge.toSeconds() + " s";
            return read(rc, key).map(found -> CacheAnswers.hit(
                    found != null && found.value().age(now).compareTo(maxAge) > 0 ? null : found, what));
        });
    }

    private Uni<TieredCache.Found> leased(RoutingContext rc, CacheKey key, String what) {
        return "true".equalsIgnoreCase(rc.request().getParam("lease")) && rc.request().getParam(LEVEL) == null
                ? cache.getOrLease(key).map(read -> CacheAnswers.hit(read, what, config.leaseTime()))
                : read(rc, key).map(found -> CacheAnswers.hit(found, what));
    }

    /** From the fastest level that holds the key, or from the one the read names ({@code ?level=L2}), and only from it. */
    private Uni<TieredCache.Found> read(RoutingContext rc, CacheKey key) {
        String level = RouteReads.optional(rc, LEVEL, LEVELS, LEVELS_RULE);
        return level == null ? cache.get(key) : cache.getAt(key, Level.valueOf(level));
    }
}
