package io.finagent.memory.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finagent.memory.domain.Decision;
import io.finagent.memory.domain.SessionEvent;
import io.finagent.memory.index.IndexedDecision;
import io.finagent.memory.repository.DecisionQuery;
import io.finagent.memory.service.AgentContextArchive;
import io.finagent.memory.rest.DecisionContextResponse;
import io.finagent.memory.rest.DecisionFilter;
import io.finagent.memory.rest.DecisionRequest;
import io.finagent.memory.rest.DecisionResponse;
import io.finagent.platform.events.DecisionMade;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Moves a decision between its REST shape, its row and its event. */
@ApplicationScoped
public class DecisionMapper {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public DecisionMapper(ObjectMapper json) {
        this.json = json;
    }

    public Decision toDecision(String userId, DecisionRequest request, String idempotencyKey, Instant now) {
        Decision d = new Decision();
        d.userId = userId;
        d.strategyId = request.strategyId();
        d.symbol = request.symbol().toUpperCase();
        d.decisionType = request.decisionType();
        d.confidence = request.confidence();
        d.reasoning = request.reasoning();
        d.marketContext = json.convertValue(request.marketContext(), JSON_OBJECT);
        d.citedMemoryIds = ids(request.citedMemoryIds());
        d.citedPatternIds = ids(request.citedPatternIds());
        d.horizonMinutes = request.horizonMinutes();
        // PostgreSQL keeps microseconds: truncate so the stored and the returned instant agree
        d.decidedAt = (request.decidedAt() != null ? request.decidedAt() : now).truncatedTo(ChronoUnit.MICROS);
        d.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        d.idempotencyKey = idempotencyKey;
        d.contextId = request.contextId();
        return d;
    }

    public IndexedDecision toIndexed(Decision d) {
        return new IndexedDecision(d.id, d.userId, d.symbol, d.strategyId, d.decidedAt, d.features());
    }

    public DecisionQuery toQuery(String userId, DecisionFilter filter) {
        return new DecisionQuery(userId, filter.strategyId, filter.symbol == null ? null : filter.symbol.toUpperCase(),
                filter.decisionType, filter.from, filter.to);
    }

    public DecisionResponse toResponse(Decision d) {
        return toResponse(d, d.outcome);
    }

    /** The decision as recall may show it: with {@code visibleOutcome} null, its outcome is hidden. */
    public DecisionResponse toResponse(Decision d, BigDecimal visibleOutcome) {
        return new DecisionResponse(d.id, d.strategyId, d.symbol, d.decisionType, d.confidence, d.reasoning,
                d.marketContext, List.of(d.citedMemoryIds), List.of(d.citedPatternIds), d.horizonMinutes,
                d.decidedAt, visibleOutcome, visibleOutcome == null ? null : d.outcomeMeasuredAt, d.contextId);
    }

    public DecisionContextResponse toContextResponse(AgentContextArchive.CitedContext cited) {
        try {
            return new DecisionContextResponse(cited.decisionId(), cited.contextId(), cited.asOf(), cited.digest(), cited.citedDigest(),
                    cited.verified(), json.readTree(cited.body()));
        } catch (JsonProcessingException e) {
            // a kept body that no longer parses was changed: shown as text, and not verified
            return new DecisionContextResponse(cited.decisionId(), cited.contextId(), cited.asOf(), cited.digest(), cited.citedDigest(),
                    false, json.getNodeFactory().textNode(cited.body()));
        }
    }

    public SessionEvent toSessionEvent(Decision d) {
        ObjectNode payload = json.createObjectNode()
                .put("decisionId", d.id).put("strategyId", d.strategyId).put("symbol", d.symbol)
                .put("decisionType", d.decisionType.name()).put("confidence", d.confidence);
        return new SessionEvent("decision", payload, d.decidedAt);
    }

    public DecisionMade toEvent(Decision d) {
        return new DecisionMade(d.id, d.userId, d.strategyId, d.symbol, d.decisionType.name(), d.confidence,
                d.horizonMinutes, d.decidedAt, List.of(d.citedMemoryIds), List.of(d.citedPatternIds));
    }

    private static Long[] ids(List<Long> ids) {
        return ids == null ? new Long[0] : ids.stream().distinct().toArray(Long[]::new);
    }

}
