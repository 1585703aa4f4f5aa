package io.finagent.portfolio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A point of the time series (one line of InfluxDB line protocol) as recorded: waiting to be sent
 * to the store, or sent ({@code sentAt}) and kept until a full backup has seen it.
 */
@Entity
@Table(name = "series_backlog")
public class SeriesPoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String line;

    /** The symbol of a price; null for a valuation. */
    @Column(updatable = false)
    public String symbol;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public static SeriesPoint of(String line, String symbol, Instant now) {
        SeriesPoint point = new SeriesPoint();
        point.line = line;
        point.symbol = symbol;
        point.createdAt = now;
        return point;
    }
}
