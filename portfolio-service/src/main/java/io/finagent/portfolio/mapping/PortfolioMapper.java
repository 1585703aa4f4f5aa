package io.finagent.portfolio.mapping;

import io.finagent.portfolio.domain.AccountingMethod;
import io.finagent.portfolio.domain.Amounts;
import io.finagent.portfolio.domain.Portfolio;
import io.finagent.portfolio.domain.Position;
import io.finagent.portfolio.rest.PortfolioReport;
import io.finagent.portfolio.rest.PortfolioRequest;
import io.finagent.portfolio.rest.PortfolioResponse;
import io.finagent.portfolio.service.PortfolioView;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.finagent.portfolio.domain.Amounts.money;

@ApplicationScoped
public class PortfolioMapper {

    public Portfolio toPortfolio(String userId, PortfolioRequest request, String idempotencyKey, Instant now) {
        Portfolio p = new Portfolio();
        p.userId = userId;
        p.name = request.name().strip();
        p.description = request.description();
        p.baseCurrency = request.baseCurrency() == null ? "USD" : request.baseCurrency();
        p.initialCapital = money(request.initialCapital());
        p.cashBalance = p.initialCapital;
        p.currentValue = p.initialCapital;
        p.accountingMethod = request.accountingMethod() == null ? AccountingMethod.AVERAGE_COST : request.accountingMethod();
        p.allowShortSelling = Boolean.TRUE.equals(request.allowShortSelling());
        p.allowMargin = Boolean.TRUE.equals(request.allowMargin());
        p.strategyId = request.strategyId();
        p.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        p.updatedAt = p.createdAt;
        p.valuedAt = p.createdAt;
        p.idempotencyKey = idempotencyKey;
        return p;
    }

    public PortfolioResponse toResponse(Portfolio p) {
        return new PortfolioResponse(p.id, p.name, p.description, p.baseCurrency, p.initialCapital, p.cashBalance, p.currentValue,
                p.valuedAt, p.accountingMethod, p.allowShortSelling, p.allowMargin, p.strategyId, p.createdAt, p.updatedAt);
    }

    public PortfolioReport toReport(PortfolioView view) {
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        for (Position position : view.positions()) {
            realized = realized.add(position.realizedPnl);
            unrealized = unrealized.add(position.unrealizedPnl == null ? BigDecimal.ZERO : position.unrealizedPnl);
        }
        BigDecimal dividends = money(view.totals().dividends());
        BigDecimal commissions = money(view.totals().commissions());
        var pnl = new PortfolioReport.Pnl(money(realized), money(unrealized), dividends, commissions,
                money(realized.add(unrealized).add(dividends).subtract(commissions)));
        return new PortfolioReport(toResponse(view.portfolio()), view.positions().stream().map(this::toPosition).toList(), pnl);
    }

    private PortfolioReport.PositionResponse toPosition(Position p) {
        return new PortfolioReport.PositionResponse(p.symbol, Amounts.quantity(p.quantity), p.averagePrice, p.costBasis, p.realizedPnl,
                p.currentPrice, p.marketValue, p.unrealizedPnl, p.priceUpdatedAt, p.openedAt);
    }
}
