package io.finagent.memory.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.domain.Episode;
import io.finagent.memory.rest.EpisodeRequest;
import io.finagent.memory.rest.EpisodeResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class EpisodeMapper {

    private static final TypeReference<List<Map<String, Object>>> STEPS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public EpisodeMapper(ObjectMapper json) {
        this.json = json;
    }

    public Episode toEpisode(String userId, EpisodeRequest request, String idempotencyKey, Instant now) {
        Episode e = new Episode();
        e.userId = userId;
        e.symbol = request.symbol().toUpperCase();
        e.strategyId = request.strategyId();
        e.startedAt = request.startedAt().truncatedTo(ChronoUnit.MICROS);
        e.endedAt = request.endedAt() == null ? null : request.endedAt().truncatedTo(ChronoUnit.MICROS);
        e.entry = request.entry();
        e.steps = write(request.steps() == null ? List.of() : request.steps());
        e.exit = request.exit();
        e.result = request.result();
        e.features = new HashMap<>(request.features());
        e.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        e.idempotencyKey = idempotencyKey;
        return e;
    }

    public EpisodeResponse toResponse(Episode e) {
        return new EpisodeResponse(e.id, e.symbol, e.strategyId, e.startedAt, e.endedAt, e.entry, read(e.steps), e.exit,
                e.result, e.features, e.createdAt);
    }

    private String write(List<Map<String, Object>> steps) {
        try {
            return json.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("steps cannot be written as JSON", e);
        }
    }

    private List<Map<String, Object>> read(String steps) {
        try {
            return json.readValue(steps, STEPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored steps are not JSON", e);
        }
    }
}
