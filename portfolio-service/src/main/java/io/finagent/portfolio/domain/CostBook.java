package io.finagent.portfolio.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.finagent.portfolio.domain.Amounts.money;

/**
 * The arithmetic of a trade on a position. A trade against the position's side first closes
 * (part of) it and realizes P&L: proceeds minus the cost that leaves with the quantity, which
 * the accounting method chooses. What is left of the trade opens on the trade's own side.
 */
public abstract class CostBook {

    public static CostBook of(AccountingMethod method, List<PositionLot> openLots) {
        return method == AccountingMethod.FIFO ? new FifoBook(openLots) : new AverageCostBook();
    }

    /**
     * @param signedQuantity positive to buy, negative to sell
     * @param gross          {@code money(|quantity| × price)}, the cash that changes hands
     * @return the realized P&L of the part that closed, gross of commission (zero if none did)
     */
    public BigDecimal trade(Position position, BigDecimal signedQuantity, BigDecimal price, BigDecimal gross, Instant at) {
        BigDecimal closing = closingPart(position.quantity, signedQuantity);
        BigDecimal realized = money(BigDecimal.ZERO);
        BigDecimal closingGross = money(BigDecimal.ZERO);
        if (closing.signum() != 0) {
            closingGross = closing.abs().compareTo(signedQuantity.abs()) == 0 ? gross : money(closing.abs().multiply(price));
            BigDecimal released = release(position, closing.abs());
            // closing a long (selling) receives the proceeds; closing a short (buying) pays them
            realized = money(closingGross.multiply(BigDecimal.valueOf(-closing.signum())).subtract(released));
            position.quantity = Amounts.quantity(position.quantity.add(closing));
            position.costBasis = position.quantity.signum() == 0 ? money(BigDecimal.ZERO) : money(position.costBasis.subtract(released));
            if (position.quantity.signum() == 0) {
                position.openedAt = null;
            }
        }
        BigDecimal opening = signedQuantity.subtract(closing);
        if (opening.signum() != 0) {
            if (position.quantity.signum() == 0) {
                position.openedAt = at;
            }
            BigDecimal cost = gross.subtract(closingGross);
            position.quantity = Amounts.quantity(position.quantity.add(opening));
            position.costBasis = money(position.costBasis.add(opening.signum() > 0 ? cost : cost.negate()));
            acquire(position, opening.abs(), cost, at);
        }
        position.averagePrice = Amounts.averagePrice(position.costBasis, position.quantity);
        position.realizedPnl = money(position.realizedPnl.add(realized));
        return realized;
    }

    /** {@code ratio} new units per old one; the cost stays. */
    public void split(Position position, BigDecimal ratio) {
        position.quantity = splitQuantities(position, ratio);
        position.averagePrice = Amounts.averagePrice(position.costBasis, position.quantity);
    }

    /** The part of a trade that goes against the position: same sign as the trade, at most the position's size. */
    static BigDecimal closingPart(BigDecimal held, BigDecimal trade) {
        if (held.signum() == 0 || held.signum() == trade.signum()) {
            return BigDecimal.ZERO;
        }
        return trade.abs().min(held.abs()).multiply(BigDecimal.valueOf(trade.signum()));
    }

    /** Takes {@code quantity} (a magnitude) out of the position's books; returns the cost it carries, signed like the cost basis. */
    protected abstract BigDecimal release(Position position, BigDecimal quantity);

    /** Books a newly opened {@code quantity} costing {@code cost} (magnitudes). */
    protected abstract void acquire(Position position, BigDecimal quantity, BigDecimal cost, Instant at);

    /** Multiplies the books' quantities by {@code ratio}; returns the position's new quantity. */
    protected abstract BigDecimal splitQuantities(Position position, BigDecimal ratio);
}
