package io.finagent.portfolio.series;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates the store's tables before the first write, with exact DECIMAL columns (the line
 * protocol would make doubles of them) and deduplication on their keys (a point sent twice is
 * stored once).
 */
@ApplicationScoped
public class SeriesTables {

    private static final String PRICES = "CREATE TABLE IF NOT EXISTS " + MarketSeries.PRICES
            + " (symbol SYMBOL, owner SYMBOL, price DECIMAL(24,8), ts TIMESTAMP)"
            + " TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, symbol, owner)";
    private static final String PORTFOLIO_VALUES = "CREATE TABLE IF NOT EXISTS " + MarketSeries.PORTFOLIO_VALUES
            + " (portfolio SYMBOL, value DECIMAL(24,8), cash DECIMAL(24,8), ts TIMESTAMP)"
            + " TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, portfolio)";

    private final Pool store;
    private final AtomicBoolean created = new AtomicBoolean();

    public SeriesTables(@TimeSeries Pool store) {
        this.store = store;
    }

    public Uni<Void> ensure() {
        if (created.get()) {
            return Uni.createFrom().voidItem();
        }
        return create();
    }

    /** Every series empty, made anew if missing (a wiped store): a restore's first step. */
    public Uni<Void> recreateEmpty() {
        return create().chain(() -> store.query("TRUNCATE TABLE " + MarketSeries.PRICES).execute())
                .chain(() -> store.query("TRUNCATE TABLE " + MarketSeries.PORTFOLIO_VALUES).execute()).replaceWithVoid();
    }

    private Uni<Void> create() {
        return store.query(PRICES).execute().chain(() -> store.query(PORTFOLIO_VALUES).execute())
                .invoke(() -> created.set(true)).replaceWithVoid();
    }
}
