package io.finagent.portfolio.series;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads a portfolio's equity curve back from the store with SQL, one point per interval (the last valuation in it). */
@ApplicationScoped
public class EquityCurve {

    private final Pool store;
    private final SeriesTables tables;

    public EquityCurve(@TimeSeries Pool store, SeriesTables tables) {
        this.store = store;
        this.tables = tables;
    }

    /** Every argument is a number or an instant the caller parsed, so the text of the query cannot be injected into. */
    public Uni<List<EquityPoint>> of(long portfolioId, Instant from, Instant to, Duration interval) {
        String sql = "SELECT ts, last(value) AS value, last(cash) AS cash FROM " + MarketSeries.PORTFOLIO_VALUES
                + " WHERE portfolio = '" + portfolioId + "' AND ts >= '" + from + "' AND ts < '" + to + "'"
                + " SAMPLE BY " + interval.toSeconds() + "s ALIGN TO CALENDAR";
        return tables.ensure().chain(() -> store.query(sql).execute()).map(rows -> {
            List<EquityPoint> points = new ArrayList<>();
            for (Row row : rows) {
                points.add(new EquityPoint(row.getLocalDateTime("ts").toInstant(ZoneOffset.UTC),
                        row.getBigDecimal("value"), row.getBigDecimal("cash")));
            }
            return points;
        });
    }
}
