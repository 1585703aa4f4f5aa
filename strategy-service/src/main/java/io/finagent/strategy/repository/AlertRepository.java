package io.finagent.strategy.repository;

import io.finagent.platform.entities.OwnedRows;
import io.finagent.strategy.domain.Alert;
import io.finagent.strategy.domain.AlertStatus;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

@ApplicationScoped
public class AlertRepository implements OwnedRows<Alert> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    public Uni<Alert> lockOwned(String userId, long id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<Alert>> pageOwned(String userId, AlertStatus status, int page, int size) {
        return (status == null ? find("userId", NEWEST_FIRST, userId)
                : find("userId = ?1 and status = ?2", NEWEST_FIRST, userId, status)).page(page, size).list();
    }

    public Uni<Long> countOwned(String userId, AlertStatus status) {
        return status == null ? count("userId", userId) : count("userId = ?1 and status = ?2", userId, status);
    }
}
