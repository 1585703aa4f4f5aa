package io.finagent.cache.service;

import io.finagent.cache.config.CacheConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stampede protection. When many callers miss the same key, the first takes a lease (a Redis
 * {@code SET NX PX}, so one caller across all replicas) and loads; the others wait until the key
 * is written (here, or in another replica: its invalidation message wakes them) or the lease
 * lapses. While Redis does not answer, leases are taken in this process only.
 */
@ApplicationScoped
public class LoadLeases {

    private final ReactiveRedisDataSource redis;
    private final String prefix;
    private final Duration leaseTime;
    private final Map<String, Instant> localLeases = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    public LoadLeases(ReactiveRedisDataSource redis, CacheConfig config) {
        this.redis = redis;
        this.prefix = config.redisPrefix() + "lease:";
        this.leaseTime = config.leaseTime();
    }

    public Duration leaseTime() {
        return leaseTime;
    }

    /** The lease's token when this caller is to load the key; null when another caller holds it. */
    public Uni<String> acquire(String id) {
        String token = UUID.randomUUID().toString();
        return redis.execute("SET", prefix + id, token, "NX", "PX", Long.toString(leaseTime.toMillis()))
                .map(reply -> reply == null ? null : token)
                .onFailure().recoverWithItem(() -> acquireLocally(id, token));
    }

    /** Registers a wait for the key to be written; complete it with {@link #written}. */
    public CompletableFuture<Void> awaitWrite(String id) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        waiting.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(written);
        return written;
    }

    public void stopWaiting(String id, CompletableFuture<Void> wait) {
        waiting.computeIfPresent(id, (k, list) -> {
            list.remove(wait);
            return list.isEmpty() ? null : list;
        });
    }

    /** The key was written or removed: its waiters read it again, and its lease ends. */
    public void written(String id) {
        localLeases.remove(id);
        List<CompletableFuture<Void>> waiters = waiting.remove(id);
        if (waiters != null) {
            waiters.forEach(w -> w.complete(null));
        }
    }

    public Uni<Void> release(String id) {
        return redis.key(String.class).del(prefix + id).onFailure().recoverWithNull().replaceWithVoid();
    }

    private String acquireLocally(String id, String token) {
        Instant now = Instant.now();
        Instant until = now.plus(leaseTime);
        Instant held = localLeases.merge(id, until, (current, mine) -> current.isAfter(now) ? current : mine);
        return held == until ? token : null;
    }
}
