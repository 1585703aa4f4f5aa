package io.finagent.memory.rest;

import io.finagent.platform.validation.Happened;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;

/** Body of {@code PUT /api/v1/decisions/{id}/outcome}: the signed return, and when it was measured (default now). */
public record OutcomeRequest(
        @NotNull @Digits(integer = 10, fraction = 10, message = "must have at most 10 integer and 10 decimal digits") BigDecimal outcome,
        @Happened Instant measuredAt) {
}
