package io.finagent.strategy.rest;

import java.time.Instant;
import java.util.Map;

public record VersionResponse(
        int version,
        Map<String, Object> config,
        Map<String, Object> previousConfig,
        String changelog,
        Instant createdAt) {
}
