package io.finagent.portfolio.repository;

import io.finagent.platform.entities.OwnedRows;
import io.finagent.portfolio.domain.Transaction;
import io.finagent.portfolio.domain.TransactionType;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class TransactionRepository implements OwnedRows<Transaction> {

    public Uni<List<Transaction>> pageOf(String userId, long portfolioId, int page, int size) {
        return find("userId = ?1 and portfolioId = ?2", Sort.descending("executedAt", "id"), userId, portfolioId).page(page, size).list();
    }

    public Uni<Long> countOf(String userId, long portfolioId) {
        return count("userId = ?1 and portfolioId = ?2", userId, portfolioId);
    }

    public Uni<LedgerTotals> totals(long portfolioId) {
        return getSession().chain(session -> session.createSelectionQuery("select new " + LedgerTotals.class.getName()
                        + "(coalesce(sum(t.commission), 0), coalesce(sum(case when t.type = :dividend then t.amount else 0 end), 0))"
                        + " from Transaction t where t.portfolioId = :portfolio", LedgerTotals.class)
                .setParameter("dividend", TransactionType.DIVIDEND)
                .setParameter("portfolio", portfolioId)
                .getSingleResult());
    }
}
