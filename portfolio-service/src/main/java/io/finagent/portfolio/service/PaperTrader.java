package io.finagent.portfolio.service;

import io.finagent.portfolio.config.OutcomeConfig;
import io.finagent.portfolio.domain.OutcomeMeasurement;
import io.finagent.portfolio.domain.PaperOrder;
import io.finagent.portfolio.repository.PortfolioRepository;
import io.finagent.portfolio.repository.PositionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;

/**
 * Executes a decision in the paper portfolio linked to its strategy, at its reference price, by
 * the rule of {@link PaperOrder}; the measurement records the trade or why there was none. Runs
 * in the caller's transaction.
 */
@ApplicationScoped
public class PaperTrader {

    private final PortfolioRepository portfolios;
    private final PositionRepository positions;
    private final TransactionService transactions;
    private final PaperOrder.Rule rule;

    public PaperTrader(PortfolioRepository portfolios, PositionRepository positions, TransactionService transactions,
                       OutcomeConfig config) {
        this.portfolios = portfolios;
        this.positions = positions;
        this.transactions = transactions;
        this.rule = new PaperOrder.Rule(config.paper().orderFraction(), config.paper().commissionRate());
    }

    public Uni<Void> execute(OutcomeMeasurement decision, Instant now) {
        return portfolios.lockLinked(decision.userId, decision.strategyId).chain(portfolio -> {
            if (portfolio == null) {
                decision.paperNote = "no paper portfolio is linked to strategy " + decision.strategyId;
                return Uni.createFrom().voidItem();
            }
            decision.paperPortfolioId = portfolio.id;
            return positions.ofPortfolio(portfolio.id).map(ArrayList::new).chain(held -> {
                BigDecimal quantity = held.stream().filter(p -> p.symbol.equals(decision.symbol))
                        .map(p -> p.quantity).findFirst().orElse(BigDecimal.ZERO);
                PaperOrder.Sized order = PaperOrder.size(decision, portfolio, quantity, rule, now);
                if (order.transaction() == null) {
                    decision.paperNote = order.note();
                    return Uni.createFrom().voidItem();
                }
                order.transaction().portfolioId = portfolio.id;
                return transactions.write(portfolio, held, order.transaction())
                        .invoke(t -> decision.paperTransactionId = t.id).replaceWithVoid();
            });
        });
    }
}
