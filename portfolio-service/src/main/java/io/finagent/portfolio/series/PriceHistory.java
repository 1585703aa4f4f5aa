package io.finagent.portfolio.series;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Reads prices back from the store: those a user posted and those of the admin feed both count for that user. */
@ApplicationScoped
public class PriceHistory {

    private static final String FIRST = "SELECT price, ts FROM " + MarketSeries.PRICES
            + " WHERE symbol = $1 AND (owner = $2 OR owner = '" + MarketSeries.FEED + "') AND ts >= $3";

    // a WAL table shows a write to readers once its writer has applied it: until then a read may miss it
    private static final String APPLIED = "SELECT writerTxn, bufferedTxnSize, sequencerTxn FROM wal_tables() WHERE name = '"
            + MarketSeries.PRICES + "'";

    private final Pool store;
    private final SeriesTables tables;

    public PriceHistory(@TimeSeries Pool store, SeriesTables tables) {
        this.store = store;
        this.tables = tables;
    }

    /** The first price at or after {@code from}. */
    public Uni<Optional<PricePoint>> first(String symbol, String userId, Instant from) {
        return query(FIRST + " ORDER BY ts LIMIT 1", Tuple.of(symbol, userId, utc(from)));
    }

    /** The first price at or after {@code from} and before {@code until}. */
    public Uni<Optional<PricePoint>> first(String symbol, String userId, Instant from, Instant until) {
        return query(FIRST + " AND ts < $4 ORDER BY ts LIMIT 1", Tuple.of(symbol, userId, utc(from), utc(until)));
    }

    /** Whether every price the store has accepted is visible to reads (true before the first). */
    public Uni<Boolean> caughtUp() {
        return store.query(APPLIED).execute().map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return true;
            }
            Row row = it.next();
            return row.getLong("writerTxn") >= row.getLong("sequencerTxn") && row.getLong("bufferedTxnSize") == 0;
        });
    }

    private Uni<Optional<PricePoint>> query(String sql, Tuple arguments) {
        return tables.ensure().chain(() -> store.preparedQuery(sql).execute(arguments)).map(PriceHistory::firstOf);
    }

    private static Optional<PricePoint> firstOf(RowSet<Row> rows) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Row row = it.next();
        return Optional.of(new PricePoint(row.getBigDecimal("price"), row.getLocalDateTime("ts").toInstant(ZoneOffset.UTC)));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
