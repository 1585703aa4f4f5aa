package io.finagent.memory.index;

/** A decision the index could not take, and why: listed by the admin endpoint, kept in each commit. */
public record SkippedDecision(long id, String reason) {
}
