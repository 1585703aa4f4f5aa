package io.finagent.cache.service;

import io.finagent.cache.domain.CacheKey;
import io.finagent.cache.domain.CachedValue;
import io.finagent.cache.domain.Glob;
import io.finagent.cache.domain.Level;
import io.finagent.cache.level.DatabaseLevel;
import io.finagent.cache.level.MemoryLevel;
import io.finagent.cache.level.SharedLevel;
import io.finagent.platform.backup.DataRestored;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The three levels as one cache. A read looks in L1, then L2, then L3, and copies what it finds
 * into the faster levels with the time it has left. A write goes to the levels it names and
 * removes the key from the others, here and in every other replica's L1, so no level serves an
 * older value. When Redis does not answer, L2 is a file cache ({@link SharedLevel}), and nothing fails.
 */
@ApplicationScoped
public class TieredCache {

    /** A value and the level it came from. */
    public record Found(CachedValue value, Level level) {
    }

    /** A read that may lease the load: the value, or the lease token (this caller loads), or neither (a miss). */
    public record Read(Found found, String lease) {
    }

    private final MemoryLevel l1;
    private final SharedLevel l2;
    private final DatabaseLevel l3;
    private final ReplicaInvalidations replicas;
    private final CacheStats stats;
    private final LoadLeases leases;

    public TieredCache(MemoryLevel l1, SharedLevel l2, DatabaseLevel l3, ReplicaInvalidations replicas, CacheStats stats,
                       LoadLeases leases) {
        this.leases = leases;
        this.l1 = l1;
        this.l2 = l2;
        this.l3 = l3;
        this.replicas = replicas;
        this.stats = stats;
    }

    /** The value, or null on a miss in every level. */
    public Uni<Found> get(CacheKey key) {
        Instant now = Instant.now();
        String id = key.id();
        CachedValue local = l1.get(id, now);
        if (local != null) {
            stats.hit(Level.L1);
            return Uni.createFrom().item(new Found(local, Level.L1));
        }
        stats.miss(Level.L1);
        return l2.get(id, now).chain(shared -> {
            if (shared != null && !shared.expired(now)) {
                stats.hit(Level.L2);
                l1.put(id, shared);
                return Uni.createFrom().item(new Found(shared, Level.L2));
            }
            stats.miss(Level.L2);
            return l3.get(id).chain(stored -> {
                if (stored == null) {
                    stats.miss(Level.L3);
                    return Uni.createFrom().nullItem();
                }
                stats.hit(Level.L3);
                l1.put(id, stored);
                return l2.put(id, stored, now).replaceWith(new Found(stored, Level.L3));
            });
        });
    }

    /**
     * A read with stampede protection: on a miss the first caller gets the lease to load the key;
     * the others wait for its write (or for the lease to lapse, then miss).
     */
    public Uni<Read> getOrLease(CacheKey key) {
        String id = key.id();
        return get(key).chain(found -> found != null ? Uni.createFrom().item(new Read(found, null))
                : leases.acquire(id).chain(token -> token != null ? loadUnlessWritten(key, token) : awaitLoad(key)));
    }

    /** Read again under the lease: the key may have been written (and its lease released) since this caller missed it. */
    private Uni<Read> loadUnlessWritten(CacheKey key, String token) {
        return get(key).chain(found -> found == null ? Uni.createFrom().item(new Read(null, token))
                : leases.release(key.id()).replaceWith(new Read(found, null)));
    }

    private Uni<Read> awaitLoad(CacheKey key) {
        String id = key.id();
        stats.leaseWait();
        var written = leases.awaitWrite(id);
        // registered first, then read again: a write between the miss and the registration is not missed
        return get(key).chain(found -> found != null ? Uni.createFrom().item(found)
                        : Uni.createFrom().completionStage(written).ifNoItem().after(leases.leaseTime()).recoverWithItem((Void) null)
                        .chain(() -> get(key)))
                .eventually(() -> leases.stopWaiting(id, written))
                .map(found -> new Read(found, null));
    }

    /** Stores the value in {@code levels} and removes the key from the other levels. */
    public Uni<Void> put(CacheKey key, CachedValue value, Set<Level> levels) {
        Instant now = Instant.now();
        String id = key.id();
        Uni<Void> database = levels.contains(Level.L3) ? l3.put(key, value) : l3.remove(id);
        return database
                .chain(() -> levels.contains(Level.L2) ? l2.put(id, value, now) : l2.remove(id))
                .invoke(() -> {
                    if (levels.contains(Level.L1)) {
                        l1.put(id, value);
                    } else {
                        l1.remove(id);
                    }
                })
                .invoke(() -> leases.written(id))
                .chain(() -> leases.release(id))
                .chain(() -> replicas.key(id));
    }

    public Uni<Void> delete(CacheKey key) {
        String id = key.id();
        return l3.remove(id).chain(() -> l2.remove(id)).invoke(() -> {
            l1.remove(id);
            leases.written(id);
        }).chain(() -> replicas.key(id));
    }

    /** Removes the ids matching the glob from every level and every replica's L1; how many each level held. */
    public Uni<Map<Level, Integer>> invalidate(String idGlob) {
        Map<Level, Integer> removed = new EnumMap<>(Level.class);
        return l3.removeMatching(idGlob).invoke(n -> removed.put(Level.L3, n))
                .chain(() -> l2.removeMatching(idGlob))
                .invoke(n -> removed.put(Level.L2, n))
                .invoke(() -> removed.put(Level.L1, l1.removeMatching(Glob.toPattern(idGlob))))
                .chain(() -> replicas.glob(idGlob)).replaceWith(removed);
    }

    /**
     * A restore rewrote L3: what L1, L2 and the other replicas hold may be newer than it or gone
     * from it, so they start over from L3. Fired on the import's worker thread.
     */
    void onRestore(@Observes DataRestored event) {
        l2.removeMatching("*").invoke(() -> l1.removeMatching(Glob.toPattern("*"))).chain(() -> replicas.glob("*"))
                .await().atMost(Duration.ofSeconds(30));
    }
}
