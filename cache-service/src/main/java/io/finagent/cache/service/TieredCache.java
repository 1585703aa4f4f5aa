package io.finagent.cache.service;

import io.finagent.cache.domain.CacheKey;
import io.finagent.cache.domain.CachedValue;
import io.finagent.cache.domain.Glob;
import io.finagent.cache.domain.Level;
import io.finagent.cache.level.DatabaseLevel;
import io.finagent.cache.level.MemoryLevel;
import io.finagent.cache.level.SharedLevel;
import io.finagent.platform.backup.DataRestored;
import io.finagent.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(TieredCache.class);

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
        return l2.get(id, now).onFailure().recoverWithUni(failure -> {
            // a level that cannot be read is a miss there: L3 still answers
            LOG.warnf("could not read L2 for %s (%s); reading L3", id, failure.getMessage());
            return Uni.createFrom().nullItem();
        }).chain(shared -> {
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
                return bestEffort(l2.put(id, stored, now), "copy into L2", id).replaceWith(new Found(stored, Level.L3));
            });
        });
    }

    /**
     * The value as one level holds it, or null: a read that names its level (to see what Redis or
     * PostgreSQL holds, past this replica's memory) copies nothing into a faster level.
     */
    public Uni<Found> getAt(CacheKey key, Level level) {
        Instant now = Instant.now();
        String id = key.id();
        Uni<CachedValue> held = switch (level) {
            case L1 -> Uni.createFrom().item(l1.get(id, now));
            case L2 -> l2.get(id, now).map(shared -> shared == null || shared.expired(now) ? null : shared)
                    .onFailure().transform(e -> ProblemException.unavailable("L2 cannot be read now: " + e.getMessage()));
            case L3 -> l3.get(id);
        };
        return held.map(value -> value == null ? null : new Found(value, level));
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
        return get(key)
                .onFailure().call(() -> bestEffort(leases.release(key.id()), "release the lease", key.id()))
                .chain(found -> found == null ? Uni.createFrom().item(new Read(null, token))
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

    /**
     * Stores the value in {@code levels} and removes the key from the other levels. The write that
     * stores it for good (L3 when named, else L2) comes after every removal and before every copy:
     * a failure before it leaves the key at most evicted, never with an older value; a copy into a
     * faster level after it is best effort (a miss there reads through), so a stored value is
     * never answered with an error.
     */
    public Uni<Void> put(CacheKey key, CachedValue value, Set<Level> levels) {
        Instant now = Instant.now();
        String id = key.id();
        l1.remove(id);
        Uni<Void> stored;
        if (levels.contains(Level.L3)) {
            stored = l2.remove(id).chain(() -> l3.put(key, value)).call(() -> levels.contains(Level.L2)
                    ? bestEffort(l2.put(id, value, now), "copy into L2", id) : Uni.createFrom().voidItem());
        } else {
            stored = l3.remove(id).chain(() -> levels.contains(Level.L2) ? l2.put(id, value, now) : l2.remove(id));
        }
        return stored.invoke(() -> {
            if (levels.contains(Level.L1)) {
                l1.put(id, value);
            }
        }).call(() -> written(id));
    }

    /** Removes the key from every level, the slowest last: a failure leaves it gone from the faster ones only. */
    public Uni<Void> delete(CacheKey key) {
        String id = key.id();
        l1.remove(id);
        return l2.remove(id).chain(() -> l3.remove(id)).call(() -> written(id));
    }

    /** Removes the ids matching the glob from every level and every replica's L1; how many each level held. */
    public Uni<Map<Level, Integer>> invalidate(String idGlob) {
        Map<Level, Integer> removed = new EnumMap<>(Level.class);
        removed.put(Level.L1, l1.removeMatching(Glob.toPattern(idGlob)));
        return l2.removeMatching(idGlob).invoke(n -> removed.put(Level.L2, n))
                .chain(() -> l3.removeMatching(idGlob))
                .invoke(n -> removed.put(Level.L3, n))
                .call(() -> bestEffort(replicas.glob(idGlob), "invalidate the other replicas' L1", idGlob))
                .replaceWith(removed);
    }

    /** The key changed for good: its lease ends, its waiters read again, the other replicas drop it from L1. */
    private Uni<Void> written(String id) {
        leases.written(id);
        return bestEffort(leases.release(id), "release the lease", id)
                .call(() -> bestEffort(replicas.key(id), "invalidate the other replicas' L1", id));
    }

    /** A step after the value is stored: its failure is logged and counted, and the request still succeeds. */
    private Uni<Void> bestEffort(Uni<Void> step, String what, String id) {
        return step.onFailure().recoverWithUni(failure -> {
            stats.afterStoreFailure();
            LOG.warnf("could not %s for %s (%s); the stored value stands", what, id, failure.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * A restore rewrote L3: what L1, L2 and the other replicas hold may be newer than it or gone
     * from it, so they start over from L3. Fired on the import's worker thread.
     */
    void onRestore(@Observes DataRestored event) {
        l1.removeMatching(Glob.toPattern("*"));
        l2.removeMatching("*").chain(() -> replicas.glob("*")).await().atMost(Duration.ofSeconds(30));
    }
}
