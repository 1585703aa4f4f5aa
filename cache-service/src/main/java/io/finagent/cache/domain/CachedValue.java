package io.finagent.cache.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A value as the levels keep it: its JSON text, served byte for byte, when it was stored and
 * when it expires, and for market data the instant the data itself describes ({@code dataTime},
 * a quote's or a bar's time; null when the writer did not say). A known-absent marker
 * ({@code json} null) answers a miss without a load.
 */
public record CachedValue(String json, Instant storedAt, Instant expiresAt, Instant dataTime) {

    public CachedValue(String json, Instant storedAt, Instant expiresAt) {
        this(json, storedAt, expiresAt, null);
    }

    /** The same value, describing the market at {@code time}. */
    public CachedValue describing(Instant time) {
        return new CachedValue(json, storedAt, expiresAt, time);
    }

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
