package io.finagent.memory.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

public record EpisodeResponse(long id, String symbol, Long strategyId, Instant startedAt, Instant endedAt,
                              Map<String, Object> entry, List<Map<String, Object>> steps, Map<String, Object> exit,
                              BigDecimal result, Map<String, Object> features, Instant createdAt) {
}
