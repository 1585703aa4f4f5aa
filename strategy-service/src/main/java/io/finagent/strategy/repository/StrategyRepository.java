package io.finagent.strategy.repository;

import io.finagent.platform.entities.OwnedRows;
import io.finagent.strategy.domain.Strategy;
import io.finagent.strategy.domain.StrategyStatus;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

@ApplicationScoped
public class StrategyRepository implements OwnedRows<Strategy> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    /** Locked until the transaction ends: versions are numbered one change at a time. */
    public Uni<Strategy> lockOwned(String userId, long id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Any user's, locked: a decision-made or outcome-measured names the strategy and its user. */
    public Uni<Strategy> lock(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<Strategy>> pageOwned(String userId, StrategyStatus status, int page, int size) {
        return (status == null ? find("userId", NEWEST_FIRST, userId)
                : find("userId = ?1 and status = ?2", NEWEST_FIRST, userId, status)).page(page, size).list();
    }

    public Uni<Long> countOwned(String userId, StrategyStatus status) {
        return status == null ? count("userId", userId) : count("userId = ?1 and status = ?2", userId, status);
    }
}
