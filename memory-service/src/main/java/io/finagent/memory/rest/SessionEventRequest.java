package io.finagent.memory.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.finagent.platform.validation.Happened;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** Body of {@code POST /api/v1/sessions/{id}/events}; {@code occurredAt} defaults to now. */
public record SessionEventRequest(
        @NotNull @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "must be 1 to 64 letters, digits or . _ -") String type,
        @NotNull JsonNode payload,
        @Happened Instant occurredAt) {
}
