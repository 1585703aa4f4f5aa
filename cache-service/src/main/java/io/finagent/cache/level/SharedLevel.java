package io.finagent.cache.level;

import io.finagent.cache.domain.CachedValue;
import io.finagent.cache.domain.Glob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * L2 as the rest of the cache sees it: Redis, or the {@link FileLevel} while Redis does not
 * answer. The first failed Redis call switches to the files (that call and every one after is
 * served from them, nothing fails); a probe asks Redis every second whether it is back. When it
 * is, the deletions made meanwhile are applied to Redis first (a Redis that kept its data must
 * not serve what was deleted), then the values written meanwhile are copied in, and Redis serves
 * again. Metrics: {@code finagent_cache_redis_failures_total}, {@code finagent_cache_l2_on_files}.
 */
@ApplicationScoped
public class SharedLevel {

    /** Fired when Redis serves again after an outage. */
    public record RedisBack() {
    }

    private static final Logger LOG = Logger.getLogger(SharedLevel.class);

    private final RedisLevel redis;
    private final FileLevel files;
    private final Event<RedisBack> back;
    private final AtomicBoolean onFiles = new AtomicBoolean();
    private final Set<String> removedMeanwhile = ConcurrentHashMap.newKeySet();
    private final Set<String> globsMeanwhile = ConcurrentHashMap.newKeySet();
    private final Counter failures;

    public SharedLevel(RedisLevel redis, FileLevel files, Event<RedisBack> back, MeterRegistry registry) {
        this.redis = redis;
        this.files = files;
        this.back = back;
        this.failures = registry.counter("finagent.cache.redis.failures");
        registry.gauge("finagent.cache.l2.on.files", onFiles, flag -> flag.get() ? 1 : 0);
    }

    public boolean onFiles() {
        return onFiles.get();
    }

    public Uni<CachedValue> get(String id, Instant now) {
        if (onFiles.get()) {
            return files.get(id, now);
        }
        return redis.get(id).onFailure().recoverWithUni(failure -> fallBack(failure).chain(() -> files.get(id, now)));
    }

    public Uni<Void> put(String id, CachedValue value, Instant now) {
        if (onFiles.get()) {
            return files.put(id, value);
        }
        return redis.put(id, value, now).onFailure().recoverWithUni(failure -> fallBack(failure).chain(() -> files.put(id, value)));
    }

    public Uni<Void> remove(String id) {
        if (onFiles.get()) {
            removedMeanwhile.add(id);
            return files.remove(id);
        }
        return redis.remove(id).onFailure().recoverWithUni(failure -> fallBack(failure).chain(() -> {
            removedMeanwhile.add(id);
            return files.remove(id);
        }));
    }

    public Uni<Integer> removeMatching(String idGlob) {
        if (onFiles.get()) {
            globsMeanwhile.add(idGlob);
            return files.removeMatching(Glob.toPattern(idGlob));
        }
        return redis.removeMatching(idGlob).onFailure().recoverWithUni(failure -> fallBack(failure).chain(() -> {
            globsMeanwhile.add(idGlob);
            return files.removeMatching(Glob.toPattern(idGlob));
        }));
    }

    @Scheduled(every = "${finagent.cache.redis-probe-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> probe() {
        if (!onFiles.get()) {
            return Uni.createFrom().voidItem();
        }
        return redis.ping().chain(this::catchUp).invoke(() -> {
            onFiles.set(false);
            LOG.info("Redis answers again: L2 is Redis again");
            back.fire(new RedisBack());
        }).onFailure().recoverWithNull();
    }

    /** Deletions first, then the values written meanwhile; a failure leaves everything to the next probe. */
    private Uni<Void> catchUp() {
        List<String> removed = List.copyOf(removedMeanwhile);
        List<String> globs = List.copyOf(globsMeanwhile);
        Instant now = Instant.now();
        return Multi.createFrom().iterable(removed).onItem().transformToUniAndConcatenate(redis::remove).collect().last()
                .chain(() -> Multi.createFrom().iterable(globs).onItem().transformToUniAndConcatenate(redis::removeMatching).collect().last())
                .invoke(() -> {
                    removed.forEach(removedMeanwhile::remove);
                    globs.forEach(globsMeanwhile::remove);
                })
                .chain(() -> files.drain(now))
                .chain(entries -> Multi.createFrom().iterable(entries)
                        .onItem().transformToUniAndConcatenate(e -> redis.put(e.id(), e.value(), now)).collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> fallBack(Throwable failure) {
        failures.increment();
        if (onFiles.compareAndSet(false, true)) {
            LOG.warnf("Redis does not answer (%s): L2 is served from files until it does", failure.getMessage());
        }
        return Uni.createFrom().voidItem();
    }
}
