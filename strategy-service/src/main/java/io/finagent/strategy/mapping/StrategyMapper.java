package io.finagent.strategy.mapping;

import io.finagent.platform.events.StrategyChanged;
import io.finagent.strategy.domain.Strategy;
import io.finagent.strategy.domain.StrategyStatus;
import io.finagent.strategy.domain.StrategyVersion;
import io.finagent.strategy.rest.StrategyRequest;
import io.finagent.strategy.rest.StrategyResponse;
import io.finagent.strategy.rest.VersionResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

@ApplicationScoped
public class StrategyMapper {

    public Strategy toStrategy(String userId, StrategyRequest request, String idempotencyKey, Instant now) {
        Strategy s = new Strategy();
        s.userId = userId;
        s.name = request.name().strip();
        s.description = request.description();
        s.type = request.type();
        s.config = request.config() == null ? Map.of() : request.config();
        s.status = request.status() == null ? StrategyStatus.ACTIVE : request.status();
        s.currentVersion = 1;
        s.defaultHorizonMinutes = request.defaultHorizonMinutes();
        s.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        s.updatedAt = s.createdAt;
        s.idempotencyKey = idempotencyKey;
        return s;
    }

    public StrategyResponse toResponse(Strategy s) {
        return new StrategyResponse(s.id, s.name, s.description, s.type, s.config, s.status, s.currentVersion,
                s.defaultHorizonMinutes, s.decisionCount, s.lastUsed, s.createdAt, s.updatedAt);
    }

    public VersionResponse toResponse(StrategyVersion v) {
        return new VersionResponse(v.versionNumber, v.config, v.previousConfig, v.changelog, v.createdAt);
    }

    public StrategyChanged toEvent(Strategy s) {
        return new StrategyChanged(s.id, s.userId, s.name, s.status.name(), s.defaultHorizonMinutes, s.currentVersion, s.updatedAt);
    }
}
