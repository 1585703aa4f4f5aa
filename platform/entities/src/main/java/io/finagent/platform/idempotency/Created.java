package io.finagent.platform.idempotency;

/** What a create call stored, and whether it only replayed an earlier call with the same Idempotency-Key. */
public record Created<T>(T value, boolean replayed) {
}
