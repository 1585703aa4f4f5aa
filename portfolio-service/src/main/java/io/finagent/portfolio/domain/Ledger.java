package io.finagent.portfolio.domain;


import java.math.BigDecimal;

import static io.finagent.portfolio.domain.Amounts.money;

/**
 * How one transaction changes a portfolio's cash and one position. Cash moves by the gross
 * amount and, separately, the commission; the position's cost never includes commissions.
 * What the portfolio does not allow (a short sale, spending cash it does not have) is refused
 * before anything changes.
 */
public final class Ledger {

    private Ledger() {
    }

    public static void apply(Portfolio portfolio, Position position, CostBook book, Transaction t) {
        t.strategyId = portfolio.strategyId;
        BigDecimal cash = switch (t.type) {
            case BUY, SELL -> trade(portfolio, position, book, t);
            case DIVIDEND -> portfolio.cashBalance.add(t.amount);
            case SPLIT -> split(portfolio, position, book, t);
        };
        cash = money(cash.subtract(t.commission));
        if (cash.signum() < 0 && !portfolio.allowMargin) {
            throw new TradeRefused("portfolio", "needs " + portfolio.cashBalance.subtract(cash).stripTrailingZeros().toPlainString()
                    + " in cash and has " + portfolio.cashBalance.stripTrailingZeros().toPlainString() + "; the portfolio does not allow margin");
        }
        portfolio.cashBalance = cash;
        t.cashBalanceAfter = cash;
    }

    private static BigDecimal trade(Portfolio portfolio, Position position, CostBook book, Transaction t) {
        BigDecimal signed = t.type == TransactionType.SELL ? t.quantity.negate() : t.quantity;
        if (t.type == TransactionType.SELL && !portfolio.allowShortSelling && position.quantity.add(signed).signum() < 0) {
            throw new TradeRefused("quantity", "selling " + plain(t.quantity) + " " + t.symbol + " with "
                    + plain(position.quantity.max(BigDecimal.ZERO)) + " held; the portfolio does not allow short selling");
        }
        t.amount = money(t.quantity.multiply(t.price));
        BigDecimal closedBefore = position.quantity;
        BigDecimal realized = book.trade(position, signed, t.price, t.amount, t.executedAt);
        t.realizedPnl = CostBook.closingPart(closedBefore, signed).signum() != 0 ? realized : null;
        return t.type == TransactionType.SELL ? portfolio.cashBalance.add(t.amount) : portfolio.cashBalance.subtract(t.amount);
    }

    private static BigDecimal split(Portfolio portfolio, Position position, CostBook book, Transaction t) {
        if (position.quantity.signum() == 0) {
            throw new TradeRefused("symbol", "no position in " + t.symbol + " to split");
        }
        book.split(position, t.splitRatio);
        return portfolio.cashBalance;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
