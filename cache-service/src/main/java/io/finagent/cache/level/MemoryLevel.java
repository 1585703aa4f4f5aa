package io.finagent.cache.level;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.CachedValue;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** L1: this process's memory, bounded in entries (least recently used go first), each entry expiring at its own time. */
@ApplicationScoped
public class MemoryLevel {

    private final Cache<String, CachedValue> entries;

    public MemoryLevel(CacheConfig config) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.l1MaxEntries())
                .expireAfter(new UntilExpiry())
                // upkeep (evicting, expiring) on the calling thread: handing it to the common pool woke a thread per promotion
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    public CachedValue get(String id, Instant now) {
        CachedValue value = entries.getIfPresent(id);
        return value == null || value.expired(now) ? null : value;
    }

    public void put(String id, CachedValue value) {
        entries.put(id, value);
    }

    public void remove(String id) {
        entries.invalidate(id);
    }

    public int removeMatching(Pattern ids) {
        var matching = entries.asMap().keySet().stream().filter(id -> ids.matcher(id).matches()).toList();
        entries.invalidateAll(matching);
        return matching.size();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    public long evictions() {
        return entries.stats().evictionCount();
    }

    /** Each entry lives until its own expiresAt. */
    private static final class UntilExpiry implements Expiry<String, CachedValue> {

        @Override
        public long expireAfterCreate(String id, CachedValue value, long currentTime) {
            return Math.max(0, Duration.between(Instant.now(), value.expiresAt()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String id, CachedValue value, long currentTime, long currentDuration) {
            return expireAfterCreate(id, value, currentTime);
        }

        @Override
        public long expireAfterRead(String id, CachedValue value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
