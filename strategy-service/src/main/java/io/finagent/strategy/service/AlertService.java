package io.finagent.strategy.service;

import io.finagent.platform.idempotency.Created;
import io.finagent.platform.idempotency.IdempotentCreate;
import io.finagent.platform.paging.Page;
import io.finagent.platform.security.Owned;
import io.finagent.strategy.domain.Alert;
import io.finagent.strategy.domain.AlertStatus;
import io.finagent.strategy.repository.AlertRepository;
import io.finagent.strategy.repository.StrategyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** A user's alerts and their lifecycle, one step at a time (anything else is a 409). */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final StrategyRepository strategies;

    public AlertService(AlertRepository alerts, StrategyRepository strategies) {
        this.alerts = alerts;
        this.strategies = strategies;
    }

    /** An alert may name only one of the user's strategies (another's is a 404). */
    public Uni<Created<Alert>> raise(Alert alert) {
        return IdempotentCreate.create(alert.idempotencyKey,
                () -> alerts.findByIdempotencyKey(alert.userId, alert.idempotencyKey),
                () -> (alert.strategyId == null ? Uni.createFrom().voidItem()
                        : Owned.orUnknownReference(strategies.findOwned(alert.userId, alert.strategyId), "strategyId", "strategy", alert.strategyId).replaceWithVoid())
                        .chain(() -> alerts.persist(alert)));
    }

    @WithSession
    public Uni<Alert> find(String userId, long id) {
        return Owned.orNotFound(alerts.findOwned(userId, id), "alert", id);
    }

    @WithSession
    public Uni<Page<Alert>> list(String userId, AlertStatus status, int page, int size) {
        return alerts.pageOwned(userId, status, page, size)
                .chain(items -> alerts.countOwned(userId, status).map(total -> new Page<>(items, page, size, total)));
    }

    @WithTransaction
    public Uni<Alert> move(String userId, long id, AlertStatus target, Instant now) {
        return Owned.orNotFound(alerts.lockOwned(userId, id), "alert", id).invoke(alert -> alert.moveTo(target, now));
    }
}
