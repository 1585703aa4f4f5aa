package io.finagent.portfolio.rest;

import java.time.Instant;
import java.util.Map;

public record SettingResponse(String key, Map<String, Object> value, Instant createdAt, Instant updatedAt) {
}
