package io.finagent.cache.rest;

import io.finagent.cache.domain.Level;

import java.time.Instant;
import java.util.Set;

public record CacheEntryResponse(String key, Set<Level> levels, Instant expiresAt, boolean absent) {
}
