package io.finagent.memory.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One event of an agent session held in working memory (Redis, until the session is idle too long). */
public record SessionEvent(String type, JsonNode payload, Instant occurredAt) {
}
