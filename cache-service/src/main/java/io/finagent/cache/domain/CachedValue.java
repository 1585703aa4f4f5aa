package io.finagent.cache.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A value as the levels keep it: its JSON text, served byte for byte, when it was stored and
 * when it expires. A known-absent marker ({@code json} null) answers a miss without a load.
 */
public record CachedValue(String json, Instant storedAt, Instant expiresAt) {

    public static CachedValue absent(Instant storedAt, Instant expiresAt) {
        return new CachedValue(null, storedAt, expiresAt);
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

    public Duration age(Instant now) {
        return Duration.between(storedAt, now);
    }
}
