package io.finagent.memory.rest;

import io.finagent.platform.validation.Happened;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;

/** Body of {@code POST /api/v1/patterns/{id}/observations}: the signed outcome of one occurrence, observed at {@code observedAt} (default now). */
public record ObservationRequest(
        @NotNull @Digits(integer = 10, fraction = 10, message = "must have at most 10 integer and 10 decimal digits") BigDecimal outcome,
        @Happened Instant observedAt) {
}
