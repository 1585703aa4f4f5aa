package io.finagent.portfolio.service;

import io.finagent.platform.entities.UniqueViolation;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.idempotency.IdempotentCreate;
import io.finagent.platform.paging.Page;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.Owned;
import io.finagent.portfolio.domain.Portfolio;
import io.finagent.portfolio.repository.PortfolioRepository;
import io.finagent.portfolio.repository.PositionRepository;
import io.finagent.portfolio.repository.TransactionRepository;
import io.finagent.portfolio.series.EquityCurve;
import io.finagent.portfolio.series.EquityPoint;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Paper portfolios: opened once per Idempotency-Key, at most one per strategy of a user. */
@ApplicationScoped
public class PortfolioService {

    private final PortfolioRepository portfolios;
    private final PositionRepository positions;
    private final TransactionRepository transactions;
    private final EquityCurve curve;

    public PortfolioService(PortfolioRepository portfolios, PositionRepository positions, TransactionRepository transactions,
                            EquityCurve curve) {
        this.curve = curve;
        this.portfolios = portfolios;
        this.positions = positions;
        this.transactions = transactions;
    }

    public Uni<Created<Portfolio>> open(Portfolio portfolio) {
        return IdempotentCreate.create(portfolio.idempotencyKey,
                        () -> portfolios.findByIdempotencyKey(portfolio.userId, portfolio.idempotencyKey),
                        () -> portfolios.persist(portfolio))
                .onFailure(UniqueViolation::is).transform(failure -> ProblemException.conflict(
                        "strategy " + portfolio.strategyId + " already has a portfolio"));
    }

    @WithSession
    public Uni<PortfolioView> find(String userId, long id) {
        return Owned.orNotFound(portfolios.findOwned(userId, id), "portfolio", id)
                .chain(portfolio -> positions.ofPortfolio(id)
                        .chain(held -> transactions.totals(id).map(totals -> new PortfolioView(portfolio, held, totals))));
    }

    /** The equity curve from the time series; 503 while the store is down. */
    public Uni<List<EquityPoint>> history(String userId, long id, Instant from, Instant to, Duration interval) {
        return Panache.withSession(() -> Owned.orNotFound(portfolios.findOwned(userId, id), "portfolio", id))
                .chain(portfolio -> curve.of(id, from, to, interval)
                        .onFailure().transform(failure -> ProblemException.unavailable("the time-series store did not answer: " + failure.getMessage())));
    }

    @WithSession
    public Uni<Page<Portfolio>> list(String userId, int page, int size) {
        return portfolios.pageOwned(userId, page, size)
                .chain(items -> portfolios.countOwned(userId).map(total -> new Page<>(items, page, size, total)));
    }
}
