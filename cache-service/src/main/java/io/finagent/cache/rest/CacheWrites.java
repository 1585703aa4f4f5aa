package io.finagent.cache.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.CacheKey;
import io.finagent.cache.domain.CachedValue;
import io.finagent.cache.domain.Glob;
import io.finagent.cache.domain.Level;
import io.finagent.platform.json.EdgeJson;
import io.finagent.platform.json.RefusedJsonValue;
import io.finagent.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** The checks every write shares: key and value sizes (413), a JSON value, a TTL in bounds, the levels named. */
@ApplicationScoped
public class CacheWrites {

    static final String LEVELS = "^L[123](,L[123])*$";
    static final String LEVELS_RULE = "must be levels L1, L2, L3 separated by commas, such as L1,L2";

    private final CacheConfig config;
    private final EdgeJson json;

    public CacheWrites(CacheConfig config, EdgeJson json) {
        this.config = config;
        this.json = json;
    }

    /**
     * The ids a client's glob of names may touch: of one namespace and owner only, the glob
     * checked as a key is and as a glob (400 naming the field otherwise).
     */
    public String idGlob(String field, String namespace, String owner, String pattern) {
        checkKey(field, pattern);
        String idGlob = CacheKey.idPattern(namespace, owner, pattern);
        try {
            Glob.toRegex(idGlob);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
        return idGlob;
    }

    public void checkKey(String field, String key) {
        if (key.length() > config.maxKeyLength()) {
            throw ProblemException.tooLarge(field, "is " + key.length() + " characters; at most " + config.maxKeyLength());
        }
    }

    /** The value to store: the JSON body, or a known-absent marker. */
    public CachedValue value(String body, boolean absent, Integer ttlSeconds, Instant now) {
        return value(body, absent, ttl(ttlSeconds), now);
    }

    public CachedValue value(String body, boolean absent, Duration ttl, Instant now) {
        Instant expiresAt = now.plus(ttl);
        if (absent) {
            return CachedValue.absent(now, expiresAt);
        }
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("value", "a JSON value is required (or absent=true)");
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxValueBytes()) {
            throw ProblemException.tooLarge("value", "is " + bytes + " bytes; at most " + config.maxValueBytes());
        }
        try {
            json.read(body); // as every body is read: PostgreSQL's jsonb refuses what this refuses (data after the value, U+0000)
        } catch (JsonProcessingException e) {
            String at = e instanceof RefusedJsonValue refused && !refused.field().isEmpty() ? " (at " + refused.field() + ")" : "";
            throw ProblemException.invalid("value", "is not JSON this store keeps: " + e.getOriginalMessage() + at);
        }
        return new CachedValue(body, now, expiresAt);
    }

    public Duration ttl(Integer seconds) {
        if (seconds == null) {
            return config.defaultTtl();
        }
        Duration ttl = Duration.ofSeconds(seconds);
        if (seconds <= 0 || ttl.compareTo(config.maxTtl()) > 0) {
            throw ProblemException.invalid("ttl", "must be between 1 and " + config.maxTtl().toSeconds() + " seconds");
        }
        return ttl;
    }

    public static Set<Level> levels(String levels, Set<Level> byDefault) {
        if (levels == null) {
            return byDefault;
        }
        Set<Level> named = EnumSet.noneOf(Level.class);
        for (String level : levels.split(",")) {
            named.add(Level.valueOf(level));
        }
        return named;
    }
}
