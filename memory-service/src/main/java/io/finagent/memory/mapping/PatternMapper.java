package io.finagent.memory.mapping;

import io.finagent.memory.domain.Pattern;
import io.finagent.memory.rest.PatternRequest;
import io.finagent.memory.rest.PatternResponse;
import io.finagent.memory.rest.RelevantPatternsResponse;
import io.finagent.memory.service.PatternService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

@ApplicationScoped
public class PatternMapper {

    public Pattern toPattern(String userId, PatternRequest request, String idempotencyKey, Instant now) {
        Pattern p = new Pattern();
        p.userId = userId;
        p.patternType = request.patternType().toUpperCase();
        p.patternName = request.patternName();
        p.patternData = request.patternData();
        p.symbol = request.symbol() == null ? null : request.symbol().toUpperCase();
        p.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        p.recognizedAt = request.recognizedAt() == null ? p.createdAt : request.recognizedAt().truncatedTo(ChronoUnit.MICROS);
        p.updatedAt = p.createdAt;
        p.idempotencyKey = idempotencyKey;
        return p;
    }

    public PatternResponse toResponse(Pattern p) {
        return new PatternResponse(p.id, p.patternType, p.patternName, p.patternData, p.symbol, p.occurrences, p.successes,
                p.failures, p.totalOutcome, p.successRate, p.confidence, p.lastSeen, p.recognizedAt, p.createdAt);
    }

    public RelevantPatternsResponse.Match toMatch(PatternService.RelevantPattern relevant) {
        return new RelevantPatternsResponse.Match(toResponse(relevant.pattern()), relevant.similarity(), relevant.relevance());
    }
}
