package io.finagent.portfolio.repository;

import io.finagent.platform.entities.OwnedRows;
import io.finagent.portfolio.domain.Portfolio;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class PortfolioRepository implements OwnedRows<Portfolio> {

    /** The user's portfolio, locked until the transaction ends: its ledger is written one transaction at a time. */
    public Uni<Portfolio> lockOwned(String userId, long id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The user's paper portfolio of a strategy, if there is one, locked like {@link #lockOwned}. */
    public Uni<Portfolio> lockLinked(String userId, long strategyId) {
        return find("userId = ?1 and strategyId = ?2", userId, strategyId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Locked in id order, so two writers locking overlapping sets cannot deadlock. */
    public Uni<List<Portfolio>> lockAll(Collection<Long> ids) {
        return find("id in ?1", Sort.ascending("id"), ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<Portfolio>> pageOwned(String userId, int page, int size) {
        return find("userId", Sort.descending("createdAt", "id"), userId).page(page, size).list();
    }

    public Uni<Long> countOwned(String userId) {
        return count("userId", userId);
    }
}
