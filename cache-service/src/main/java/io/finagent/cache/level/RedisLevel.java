package io.finagent.cache.level;

import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.CachedValue;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.Redis;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * L2: Redis. A value is stored as {@code <storedAt ms>,<expiresAt ms>[,<dataTime ms>]:<json>} ({@code …!} when
 * known absent) with Redis's own expiry, so one GET gives the value, its age and its time left.
 */
@ApplicationScoped
public class RedisLevel {

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final String prefix;
    /** The keys of the format before the data time (v:), which a replica of the former release still reads. */
    private final String former;
    private final RedisReads reads;

    /** {@code client} is the same Redis client as {@code redis}, as Vert.x's low-level API: the reads hold one of its connections per event loop. */
    public RedisLevel(ReactiveRedisDataSource redis, Redis client, CacheConfig config) {
        this.values = redis.value(String.class, String.class);
        this.keys = redis.key(String.class);
        // The value format's version is in the key: during a rolling upgrade each release reads only
        // what it can decode (the other's keys are misses), and removals reach both.
        this.prefix = config.redisPrefix() + "v2:";
        this.former = config.redisPrefix() + "v:";
        this.reads = new RedisReads(client, values::get);
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
        return keys.unlink(prefix + id, former + id).replaceWithVoid();
    }

    /** Removes the ids matching a Redis glob, scanning in batches (never KEYS, which blocks Redis). */
    public Uni<Integer> removeMatching(String idGlob) {
        return removeMatching(prefix, idGlob).chain(removed -> removeMatching(former, idGlob).map(old -> removed + old));
    }

    private Uni<Integer> removeMatching(String keyPrefix, String idGlob) {
        var scan = keys.scan(new KeyScanArgs().match(keyPrefix + idGlob).count(500));
        return scan.toMulti().group().intoLists().of(500)
                .onItem().transformToUniAndConcatenate(batch -> keys.unlink(batch.toArray(String[]::new)))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    public Uni<Void> ping() {
        return keys.exists(prefix + "ping").replaceWithVoid();
    }

    static String encode(CachedValue value) {
        String times = value.storedAt().toEpochMilli() + "," + value.expiresAt().toEpochMilli()
                + (value.dataTime() == null ? "" : "," + value.dataTime().toEpochMilli());
        return value.isAbsent() ? times + "!" : times + ":" + value.json();
    }

    /** {@code <storedAt ms>,<expiresAt ms>[,<dataTime ms>]} then {@code :<json>} or {@code !}; written before the data time, two numbers. */
    static CachedValue decode(String stored) {
        if (stored == null) {
            return null;
        }
        int cut = 0;
        while (Character.isDigit(stored.charAt(cut)) || stored.charAt(cut) == ',' || stored.charAt(cut) == '-') {
            cut++;
        }
        String[] times = stored.substring(0, cut).split(",");
        Instant storedAt = Instant.ofEpochMilli(Long.parseLong(times[0]));
        Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(times[1]));
        Instant dataTime = times.length > 2 ? Instant.ofEpochMilli(Long.parseLong(times[2])) : null;
        return stored.charAt(cut) == '!' ? CachedValue.absent(storedAt, expiresAt)
                : new CachedValue(stored.substring(cut + 1), storedAt, expiresAt, dataTime);
    }
}
