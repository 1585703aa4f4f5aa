package io.finagent.portfolio.rest;

import java.time.Instant;
import java.util.Map;

public record UserResponse(Long id, String subject, String username, String email, Map<String, Object> preferences,
                           Instant lastLogin, Instant createdAt, Instant updatedAt) {
}
