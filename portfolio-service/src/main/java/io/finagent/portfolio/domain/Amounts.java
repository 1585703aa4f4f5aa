package io.finagent.portfolio.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The scales of the ledger, those of its columns: money and prices to 8 decimals, quantities
 * to 10. Every product is rounded half-even to its scale once, where it is made.
 */
public final class Amounts {

    public static final int MONEY_SCALE = 8;
    public static final int QUANTITY_SCALE = 10;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private Amounts() {
    }

    public static BigDecimal money(BigDecimal value) {
        return value.setScale(MONEY_SCALE, ROUNDING);
    }

    public static BigDecimal quantity(BigDecimal value) {
        return value.setScale(QUANTITY_SCALE, ROUNDING);
    }

    /** {@code total × part / whole}, for the share of a cost that goes with part of a quantity. */
    public static BigDecimal share(BigDecimal total, BigDecimal part, BigDecimal whole) {
        return total.multiply(part).divide(whole, MONEY_SCALE, ROUNDING);
    }

    /** Cost per unit, for display: the cost itself stays authoritative. */
    public static BigDecimal averagePrice(BigDecimal cost, BigDecimal quantity) {
        return quantity.signum() == 0 ? money(BigDecimal.ZERO) : cost.abs().divide(quantity.abs(), MONEY_SCALE, ROUNDING);
    }
}
