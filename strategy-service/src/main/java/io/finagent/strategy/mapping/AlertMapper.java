package io.finagent.strategy.mapping;

import io.finagent.strategy.domain.Alert;
import io.finagent.strategy.rest.AlertRequest;
import io.finagent.strategy.rest.AlertResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

@ApplicationScoped
public class AlertMapper {

    public Alert toAlert(String userId, AlertRequest request, String idempotencyKey, Instant now) {
        Alert a = new Alert();
        a.userId = userId;
        a.type = request.type();
        a.priority = request.priority() == null ? 2 : request.priority();
        a.message = request.message().strip();
        a.details = request.details() == null ? Map.of() : request.details();
        a.strategyId = request.strategyId();
        a.symbol = request.symbol();
        a.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        a.updatedAt = a.createdAt;
        a.idempotencyKey = idempotencyKey;
        return a;
    }

    public AlertResponse toResponse(Alert a) {
        return new AlertResponse(a.id, a.type, a.priority, a.message, a.details, a.strategyId, a.decisionId, a.symbol, a.status,
                a.createdAt, a.sentAt, a.acknowledgedAt);
    }
}
