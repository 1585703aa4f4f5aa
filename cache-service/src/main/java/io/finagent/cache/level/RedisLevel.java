package io.finagent.cache.level;

import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.CachedValue;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * L2: Redis. A value is stored as {@code <storedAt ms>,<expiresAt ms>:<json>} ({@code …!} when
 * known absent) with Redis's own expiry, so one GET gives the value, its age and its time left.
 */
@ApplicationScoped
public class RedisLevel {

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final String prefix;
    private final RedisReads reads;

    public RedisLevel(ReactiveRedisDataSource redis, CacheConfig config, Vertx vertx,
                      @ConfigProperty(name = "finagent.redis.url") String url) {
        this.values = redis.value(String.class, String.class);
        this.keys = redis.key(String.class);
        this.prefix = config.redisPrefix() + "v:";
        this.reads = new RedisReads(vertx, url, values::get);
    }

    @PreDestroy
    void close() {
        reads.close();
    }

    public Uni<CachedValue> get(String id) {
        return reads.get(prefix + id).map(RedisLevel::decode);
    }

    public Uni<Void> put(String id, CachedValue value, Instant now) {
        long ttlMs = value.remaining(now).toMillis();
        if (ttlMs <= 0) {
            return remove(id);
        }
        return values.set(prefix + id, encode(value), new SetArgs().px(ttlMs));
    }

    public Uni<Void> remove(String id) {
        return keys.unlink(prefix + id).replaceWithVoid();
    }

    /** Removes the ids matching a Redis glob, scanning in batches (never KEYS, which blocks Redis). */
    public Uni<Integer> removeMatching(String idGlob) {
        var scan = keys.scan(new KeyScanArgs().match(prefix + idGlob).count(500));
        return scan.toMulti().group().intoLists().of(500)
                .onItem().transformToUniAndConcatenate(batch -> keys.unlink(batch.toArray(String[]::new)))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    public Uni<Void> ping() {
        return keys.exists(prefix + "ping").replaceWithVoid();
    }

    static String encode(CachedValue value) {
        String times = value.storedAt().toEpochMilli() + "," + value.expiresAt().toEpochMilli();
        return value.isAbsent() ? times + "!" : times + ":" + value.json();
    }

    static CachedValue decode(String stored) {
        if (stored == null) {
            return null;
        }
        int comma = stored.indexOf(',');
        int cut = comma + 1;
        while (Character.isDigit(stored.charAt(cut))) {
            cut++;
        }
        Instant storedAt = Instant.ofEpochMilli(Long.parseLong(stored, 0, comma, 10));
        Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(stored, comma + 1, cut, 10));
        return stored.charAt(cut) == '!' ? CachedValue.absent(storedAt, expiresAt)
                : new CachedValue(stored.substring(cut + 1), storedAt, expiresAt);
    }
}
