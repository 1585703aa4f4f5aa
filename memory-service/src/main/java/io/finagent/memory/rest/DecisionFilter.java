package io.finagent.memory.rest;

import io.finagent.memory.domain.DecisionType;
import io.finagent.platform.validation.ReadableInstant;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;

/** Filters of {@code GET /api/v1/decisions}; all optional, combined with AND; the range is [from, to). */
public class DecisionFilter {

    @QueryParam("strategyId")
    @Positive
    public Long strategyId;

    @QueryParam("symbol")
    public String symbol;

    @QueryParam("decisionType")
    public DecisionType decisionType;

    @QueryParam("from")
    @ReadableInstant
    public Instant from;

    @QueryParam("to")
    @ReadableInstant
    public Instant to;
}
