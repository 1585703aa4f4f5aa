package io.finagent.portfolio.service;

import io.finagent.platform.idempotency.Created;
import io.finagent.platform.idempotency.IdempotentCreate;
import io.finagent.platform.paging.Page;
import io.finagent.platform.security.Owned;
import io.finagent.portfolio.domain.AccountingMethod;
import io.finagent.portfolio.domain.CostBook;
import io.finagent.portfolio.domain.FifoBook;
import io.finagent.portfolio.domain.Ledger;
import io.finagent.portfolio.domain.Portfolio;
import io.finagent.portfolio.domain.Position;
import io.finagent.portfolio.domain.PositionLot;
import io.finagent.portfolio.domain.Transaction;
import io.finagent.portfolio.domain.Valuation;
import io.finagent.portfolio.repository.PortfolioRepository;
import io.finagent.portfolio.repository.PositionLotRepository;
import io.finagent.portfolio.repository.PositionRepository;
import io.finagent.portfolio.repository.TransactionRepository;
import io.finagent.portfolio.series.MarketSeries;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a transaction to a portfolio's ledger: the row, the cash, the position (and its FIFO
 * lots), the portfolio's value and its point of the equity curve, in one database transaction
 * under the portfolio's row lock.
 */
@ApplicationScoped
public class TransactionService {

    private final PortfolioRepository portfolios;
    private final PositionRepository positions;
    private final PositionLotRepository lots;
    private final TransactionRepository transactions;
    private final MarketSeries series;

    public TransactionService(PortfolioRepository portfolios, PositionRepository positions, PositionLotRepository lots,
                              TransactionRepository transactions, MarketSeries series) {
        this.series = series;
        this.portfolios = portfolios;
        this.positions = positions;
        this.lots = lots;
        this.transactions = transactions;
    }

    public Uni<Created<Transaction>> record(long portfolioId, Transaction t) {
        return IdempotentCreate.create(t.idempotencyKey,
                () -> transactions.findByIdempotencyKey(t.userId, t.idempotencyKey),
                () -> Owned.orNotFound(portfolios.lockOwned(t.userId, portfolioId), "portfolio", portfolioId)
                        .chain(portfolio -> positions.ofPortfolio(portfolioId).chain(held -> write(portfolio, held, t))));
    }

    @WithSession
    public Uni<Page<Transaction>> list(String userId, long portfolioId, int page, int size) {
        return Owned.orNotFound(portfolios.findOwned(userId, portfolioId), "portfolio", portfolioId)
                .chain(portfolio -> transactions.pageOf(userId, portfolioId, page, size))
                .chain(items -> transactions.countOf(userId, portfolioId).map(total -> new Page<>(items, page, size, total)));
    }

    /** Writes {@code t} to the locked portfolio; {@code held} is its positions, and takes a new one if the trade opens it. */
    Uni<Transaction> write(Portfolio portfolio, List<Position> held, Transaction t) {
        Instant now = t.createdAt;
        t.portfolioId = portfolio.id;
        Position position = held.stream().filter(p -> p.symbol.equals(t.symbol)).findFirst().orElseGet(() -> {
            Position opened = Position.open(portfolio, t.symbol, now);
            held.add(opened);
            return opened;
        });
        return openLots(portfolio, position).chain(open -> {
            CostBook book = CostBook.of(portfolio.accountingMethod, open);
            Ledger.apply(portfolio, position, book, t); // a refusal (422) fails the transaction: nothing is written
            Valuation.remark(position);
            Valuation.revalue(portfolio, held, t.executedAt, now);
            position.updatedAt = now;
            Uni<Position> stored = position.id == null ? positions.persist(position) : Uni.createFrom().item(position);
            return stored.chain(() -> transactions.persist(t)).chain(() -> storeLots(book, position, t, now))
                    .chain(() -> series.valuations(List.of(portfolio), t.executedAt)).replaceWith(t);
        });
    }

    private Uni<List<PositionLot>> openLots(Portfolio portfolio, Position position) {
        if (portfolio.accountingMethod != AccountingMethod.FIFO || position.id == null) {
            return Uni.createFrom().item(new ArrayList<>());
        }
        return lots.open(position.id).map(ArrayList::new);
    }

    private Uni<Void> storeLots(CostBook book, Position position, Transaction t, Instant now) {
        if (!(book instanceof FifoBook fifo)) {
            return Uni.createFrom().voidItem();
        }
        fifo.changed().forEach(lot -> lot.updatedAt = now);
        for (PositionLot lot : fifo.opened()) {
            lot.positionId = position.id;
            lot.openingTransactionId = t.id;
            lot.openingTransactionExecutedAt = t.executedAt;
            lot.createdAt = now;
            lot.updatedAt = now;
        }
        return fifo.opened().isEmpty() ? Uni.createFrom().voidItem() : lots.persist(fifo.opened());
    }
}
