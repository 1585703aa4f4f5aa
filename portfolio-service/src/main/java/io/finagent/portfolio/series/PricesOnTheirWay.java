package io.finagent.portfolio.series;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Prices accepted but not in the time-series store yet: per symbol the earliest instant of the
 * recorded points still to be sent, and the symbols a restore is bringing back. An answer of the
 * store is final only if none of them could come before it; later ones cannot change it, so a
 * steady feed of new prices never holds a measurement back.
 */
public record PricesOnTheirWay(Map<String, Instant> earliest, Set<String> restoring) {

    /**
     * Whether a price on its way may come at or before {@code bound}: the instant of the price the
     * store answered, or the end of the window looked in when it had none (null: no end).
     */
    public boolean mayPrecede(String symbol, Instant bound) {
        if (restoring.contains(symbol)) {
            return true;
        }
        Instant first = earliest.get(symbol);
        return first != null && (bound == null || !bound.isBefore(first));
    }
}
