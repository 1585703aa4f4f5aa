package io.finagent.cache.rest;

import io.finagent.cache.domain.Level;

import java.util.Map;

/** How many matching keys each level held (L1: this replica's; the others drop theirs as the message reaches them). */
public record InvalidationResponse(String pattern, Map<Level, Integer> removed) {
}
