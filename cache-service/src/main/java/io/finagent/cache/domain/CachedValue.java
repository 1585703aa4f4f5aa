package io.finagent.cache.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A value as the levels keep it: its JSON text, served byte for byte, and when it expires.
 * An absent marker ("known absent", {@code json} null) answers a miss without a load.
 */
public record CachedValue(String json, Instant expiresAt) {

    public static CachedValue absent(Instant expiresAt) {
        return new CachedValue(null, expiresAt);
    }

    public boolean isAbsent() {
        return json == null;
    }

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public Duration remaining(Instant now) {
        return Duration.between(now, expiresAt);
    }
}
