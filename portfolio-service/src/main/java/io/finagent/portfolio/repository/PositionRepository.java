package io.finagent.portfolio.repository;

import io.finagent.portfolio.domain.Position;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class PositionRepository implements PanacheRepository<Position> {

    public Uni<List<Position>> ofPortfolio(long portfolioId) {
        return list("portfolioId", Sort.ascending("symbol"), portfolioId);
    }

    public Uni<List<Position>> ofPortfolios(Collection<Long> portfolioIds) {
        return list("portfolioId in ?1", Sort.ascending("portfolioId", "symbol"), portfolioIds);
    }

    /** Ids of the portfolios holding any of the symbols (open or closed positions): the user's, or everyone's when userId is null. */
    public Uni<List<Long>> portfoliosHolding(String userId, Collection<String> symbols) {
        String hql = "select distinct p.portfolioId from Position p where p.symbol in :symbols"
                + (userId == null ? "" : " and p.userId = :user");
        return getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Long.class).setParameter("symbols", symbols);
            return (userId == null ? query : query.setParameter("user", userId)).getResultList();
        });
    }
}
