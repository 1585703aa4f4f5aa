package io.finagent.portfolio.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.finagent.portfolio.domain.Amounts.money;

/**
 * Marks positions to market and values portfolios: cash plus each position at its last price,
 * or at its cost until it has a price. A short position's value is negative (what buying it
 * back would cost).
 */
public final class Valuation {

    private Valuation() {
    }

    /** Marks the position at {@code price}, unless it already has a later price (a late batch changes nothing). */
    public static boolean mark(Position position, BigDecimal price, Instant at) {
        if (position.priceUpdatedAt != null && position.priceUpdatedAt.isAfter(at)) {
            return false;
        }
        position.currentPrice = price;
        position.priceUpdatedAt = at;
        remark(position);
        return true;
    }

    /** Re-values the position at its last price after its quantity or cost changed. */
    public static void remark(Position position) {
        if (position.currentPrice == null) {
            return;
        }
        position.marketValue = money(position.quantity.multiply(position.currentPrice));
        position.unrealizedPnl = money(position.marketValue.subtract(position.costBasis));
    }

    public static BigDecimal value(Position position) {
        return position.currentPrice == null ? position.costBasis : position.marketValue;
    }

    /** @param asOf the market time of the valuation (the prices' instant, the trade's execution); {@code now} the row's update */
    public static void revalue(Portfolio portfolio, List<Position> positions, Instant asOf, Instant now) {
        BigDecimal value = portfolio.cashBalance;
        for (Position position : positions) {
            value = value.add(value(position));
        }
        portfolio.currentValue = money(value);
        portfolio.valuedAt = asOf;
        portfolio.updatedAt = now;
    }
}
