package io.finagent.memory.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The context a decision was made with, as kept: {@code digest} is the SHA-256 of it now,
 * {@code citedDigest} the one the decision copied when it cited it; {@code verified} when both
 * agree with the digest kept beside it, that is, nothing was changed since it was answered.
 */
public record DecisionContextResponse(long decisionId, UUID contextId, Instant asOf, String digest, String citedDigest,
                                      boolean verified, JsonNode context) {
}
