package io.finagent.portfolio.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.finagent.portfolio.domain.Amounts.money;

/** First in, first out: a sale consumes the oldest open lots, each giving up its own cost. */
public class FifoBook extends CostBook {

    private final List<PositionLot> openLots;
    private final List<PositionLot> opened = new ArrayList<>();
    private final List<PositionLot> changed = new ArrayList<>();

    /** @param openLots the position's lots with a remaining quantity, oldest first */
    public FifoBook(List<PositionLot> openLots) {
        this.openLots = openLots;
    }

    /** Lots this book opened, to be stored. */
    public List<PositionLot> opened() {
        return opened;
    }

    /** Stored lots whose quantities this book changed. */
    public List<PositionLot> changed() {
        return changed;
    }

    @Override
    protected BigDecimal release(Position position, BigDecimal quantity) {
        BigDecimal left = quantity;
        BigDecimal cost = BigDecimal.ZERO;
        for (PositionLot lot : openLots) {
            if (left.signum() == 0) {
                break;
            }
            if (lot.remainingQuantity.signum() == 0) {
                continue;
            }
            BigDecimal taken = left.min(lot.remainingQuantity);
            BigDecimal lotCost = taken.compareTo(lot.remainingQuantity) == 0
                    ? lot.remainingCost
                    : Amounts.share(lot.remainingCost, taken, lot.remainingQuantity);
            lot.remainingQuantity = Amounts.quantity(lot.remainingQuantity.subtract(taken));
            lot.remainingCost = lot.remainingQuantity.signum() == 0 ? money(BigDecimal.ZERO) : money(lot.remainingCost.subtract(lotCost));
            changed.add(lot);
            cost = cost.add(lotCost);
            left = left.subtract(taken);
        }
        if (left.signum() != 0) {
            throw new IllegalStateException("lots of position " + position.id + " hold less than its quantity");
        }
        return money(position.quantity.signum() < 0 ? cost.negate() : cost);
    }

    @Override
    protected void acquire(Position position, BigDecimal quantity, BigDecimal cost, Instant at) {
        PositionLot lot = new PositionLot();
        lot.positionId = position.id;
        lot.userId = position.userId;
        lot.acquiredAt = at;
        lot.originalQuantity = Amounts.quantity(quantity);
        lot.remainingQuantity = lot.originalQuantity;
        lot.originalCost = money(cost);
        lot.remainingCost = lot.originalCost;
        openLots.add(lot);
        opened.add(lot);
    }

    @Override
    protected BigDecimal splitQuantities(Position position, BigDecimal ratio) {
        BigDecimal total = BigDecimal.ZERO;
        for (PositionLot lot : openLots) {
            lot.originalQuantity = Amounts.quantity(lot.originalQuantity.multiply(ratio));
            lot.remainingQuantity = Amounts.quantity(lot.remainingQuantity.multiply(ratio));
            total = total.add(lot.remainingQuantity);
            if (lot.id != null) {
                changed.add(lot);
            }
        }
        // the position is the sum of its lots, so a full sale after the split consumes them exactly
        return Amounts.quantity(position.quantity.signum() < 0 ? total.negate() : total);
    }
}
