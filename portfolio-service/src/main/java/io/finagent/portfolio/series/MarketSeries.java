package io.finagent.portfolio.series;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.finagent.portfolio.domain.Portfolio;
import io.finagent.portfolio.domain.SeriesPoint;
import io.finagent.portfolio.repository.SeriesBacklogRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The points of the time series: every price and every portfolio valuation. They are stored in
 * the caller's transaction (the backlog) and sent by {@link SeriesFlusher}, so a point exists
 * exactly when the change it records committed. Amounts go as decimal text into DECIMAL(24,8)
 * columns: exact, like everything else in the ledger.
 */
@ApplicationScoped
public class MarketSeries {

    public static final String PRICES = "prices";
    public static final String PORTFOLIO_VALUES = "portfolio_values";
    /** The owner of prices from an admin's feed, which hold for every user. */
    public static final String FEED = "*";

    /** A series' columns as the store keeps them (SeriesTables): its tags, its DECIMAL fields, its time. */
    public record Shape(String table, List<String> tags, List<String> fields, String time) {

        public List<String> columns() {
            return Stream.of(tags, fields, List.of(time)).flatMap(List::stream).toList();
        }

        /** The symbol a row's point is a price of (its {@code symbol} tag), which outcome measurement waits for; else null. */
        public String symbol(Map<String, String> row) {
            return tags.contains("symbol") ? row.get("symbol") : null;
        }

        /** A row of the store's own export as the line that writes it again; null when it has no field to write. */
        public String line(Map<String, String> row) {
            Point point = Point.measurement(table);
            tags.forEach(tag -> point.addTag(tag, row.get(tag)));
            fields.stream().filter(f -> row.get(f) != null && !row.get(f).isEmpty()).forEach(f -> point.addField(f, row.get(f)));
            return point.hasFields() ? point.time(Instant.parse(row.get(time)), WritePrecision.NS).toLineProtocol() : null;
        }
    }

    /** Every series, in the order a backup carries them. */
    public static final List<Shape> SHAPES = List.of(
            new Shape(PRICES, List.of("symbol", "owner"), List.of("price"), "ts"),
            new Shape(PORTFOLIO_VALUES, List.of("portfolio"), List.of("value", "cash"), "ts"));

    private final SeriesBacklogRepository backlog;

    public MarketSeries(SeriesBacklogRepository backlog) {
        this.backlog = backlog;
    }

    public Uni<Void> prices(String owner, Map<String, BigDecimal> prices, Instant at) {
        List<SeriesPoint> points = prices.entrySet().stream().map(price -> point(Point.measurement(PRICES)
                .addTag("symbol", price.getKey()).addTag("owner", owner == null ? FEED : owner)
                .addField("price", price.getValue().toPlainString()), price.getKey(), at)).toList();
        return backlog.persist(points);
    }

    public Uni<Void> valuations(List<Portfolio> portfolios, Instant at) {
        List<SeriesPoint> points = portfolios.stream().map(p -> point(Point.measurement(PORTFOLIO_VALUES)
                .addTag("portfolio", String.valueOf(p.id))
                .addField("value", p.currentValue.toPlainString()).addField("cash", p.cashBalance.toPlainString()), null, at)).toList();
        return backlog.persist(points);
    }

    private static SeriesPoint point(Point point, String symbol, Instant at) {
        return SeriesPoint.of(point.time(at, WritePrecision.NS).toLineProtocol(), symbol, Instant.now());
    }
}
