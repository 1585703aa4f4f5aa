package io.finagent.memory.service;

import io.finagent.memory.domain.Decision;

/** The stored decision, and whether this call only replayed an earlier one (same Idempotency-Key). */
public record RecordedDecision(Decision decision, boolean replayed) {
}
