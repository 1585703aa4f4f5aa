package io.finagent.portfolio.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** Moving average cost: a sale takes its share of the position's cost; buys re-average it. */
public class AverageCostBook extends CostBook {

    @Override
    protected BigDecimal release(Position position, BigDecimal quantity) {
        // the whole cost when the whole position goes, so nothing is left over by rounding
        return quantity.compareTo(position.quantity.abs()) == 0
                ? position.costBasis
                : Amounts.share(position.costBasis, quantity, position.quantity.abs());
    }

    @Override
    protected void acquire(Position position, BigDecimal quantity, BigDecimal cost, Instant at) {
        // the position's cost basis is the whole book
    }

    @Override
    protected BigDecimal splitQuantities(Position position, BigDecimal ratio) {
        return Amounts.quantity(position.quantity.multiply(ratio));
    }
}
