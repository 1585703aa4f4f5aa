package io.finagent.memory.rest;

import io.finagent.platform.validation.Symbol;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import io.finagent.platform.validation.Happened;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

/** Body of {@code POST /api/v1/patterns}; {@code recognizedAt} (default now) may be earlier when history is replayed. */
public record PatternRequest(
        @NotNull @Pattern(regexp = "^[A-Za-z0-9_.-]{1,64}$", message = "must be 1 to 64 letters, digits or _ . -") String patternType,
        @NotBlank @Size(max = 200) String patternName,
        @NotNull Map<String, Object> patternData,
        @Symbol String symbol,
        @Happened Instant recognizedAt) {
}
