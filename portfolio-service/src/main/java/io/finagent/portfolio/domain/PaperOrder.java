package io.finagent.portfolio.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import static io.finagent.portfolio.domain.Amounts.MONEY_SCALE;
import static io.finagent.portfolio.domain.Amounts.QUANTITY_SCALE;
import static io.finagent.portfolio.domain.Amounts.money;

/**
 * The sizing rule of paper trades, which execute a strategy's decisions in its linked portfolio
 * at the decision's reference price:
 * <ul>
 *   <li>HOLD trades nothing.</li>
 *   <li>SELL of a long position sells all of it.</li>
 *   <li>BUY (and SELL with nothing held, when the portfolio allows short selling) trades for
 *       {@code current value × order fraction × confidence}; without margin a BUY spends at most
 *       the cash, commission included. The quantity is rounded down to 10 decimals, so the
 *       order never spends more than its budget.</li>
 *   <li>Commission = commission rate × gross amount.</li>
 * </ul>
 * An order the portfolio cannot take is not placed; {@link Sized#note()} says why.
 */
public final class PaperOrder {

    /** Either a transaction to write, or the reason there is none. */
    public record Sized(Transaction transaction, String note) {
    }

    /** The rule's two parameters. */
    public record Rule(BigDecimal orderFraction, BigDecimal commissionRate) {
    }

    private PaperOrder() {
    }

    public static Sized size(OutcomeMeasurement decision, Portfolio portfolio, BigDecimal held, Rule rule, Instant now) {
        BigDecimal price = decision.referencePrice;
        return switch (decision.decisionType) {
            case HOLD -> none("HOLD: nothing to trade");
            case SELL -> held.signum() > 0 ? order(decision, TransactionType.SELL, held, price, rule, now)
                    : portfolio.allowShortSelling ? budgeted(decision, TransactionType.SELL, portfolio, rule, now)
                    : none("SELL with nothing held; the portfolio does not allow short selling");
            case BUY -> budgeted(decision, TransactionType.BUY, portfolio, rule, now);
        };
    }

    private static Sized budgeted(OutcomeMeasurement decision, TransactionType type, Portfolio portfolio, Rule rule, Instant now) {
        BigDecimal confidence = decision.confidence == null ? BigDecimal.ONE : decision.confidence;
        BigDecimal budget = portfolio.currentValue.multiply(rule.orderFraction()).multiply(confidence);
        if (type == TransactionType.BUY && !portfolio.allowMargin) {
            budget = budget.min(portfolio.cashBalance.divide(BigDecimal.ONE.add(rule.commissionRate()), MONEY_SCALE, RoundingMode.DOWN));
        }
        BigDecimal quantity = budget.signum() <= 0 ? BigDecimal.ZERO
                : budget.divide(decision.referencePrice, QUANTITY_SCALE, RoundingMode.DOWN);
        if (quantity.signum() <= 0) {
            return none(type + " of size zero: the portfolio has no value or no cash to spend");
        }
        Sized sized = order(decision, type, quantity, decision.referencePrice, rule, now);
        Transaction t = sized.transaction();
        BigDecimal cashAfter = portfolio.cashBalance.subtract(money(quantity.multiply(t.price))).subtract(t.commission);
        if (type == TransactionType.BUY && !portfolio.allowMargin && cashAfter.signum() < 0) {
            return none("BUY needs more cash than the portfolio has; it does not allow margin");
        }
        return sized;
    }

    private static Sized order(OutcomeMeasurement decision, TransactionType type, BigDecimal quantity, BigDecimal price,
                               Rule rule, Instant now) {
        Transaction t = new Transaction();
        t.userId = decision.userId;
        t.symbol = decision.symbol;
        t.type = type;
        t.quantity = quantity;
        t.price = price;
        t.commission = money(money(quantity.multiply(price)).multiply(rule.commissionRate()));
        t.decisionId = decision.decisionId;
        t.notes = "paper trade of decision " + decision.decisionId;
        t.executedAt = decision.referencePriceAt;
        t.createdAt = now;
        return new Sized(t, null);
    }

    private static Sized none(String reason) {
        return new Sized(null, reason);
    }
}
