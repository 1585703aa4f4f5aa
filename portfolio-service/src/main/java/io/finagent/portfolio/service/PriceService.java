package io.finagent.portfolio.service;

import io.finagent.portfolio.domain.Portfolio;
import io.finagent.portfolio.domain.Position;
import io.finagent.portfolio.domain.Valuation;
import io.finagent.portfolio.repository.OutcomeMeasurementRepository;
import io.finagent.portfolio.repository.PortfolioRepository;
import io.finagent.portfolio.repository.PositionRepository;
import io.finagent.portfolio.series.MarketSeries;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Marks positions to market with a batch of prices and re-values their portfolios; the prices
 * and the valuations go to the time series. A user's prices mark that user's positions; an
 * admin's (a market-data feed) mark everyone's.
 */
@ApplicationScoped
public class PriceService {

    /** How many positions took a price and how many portfolios were re-valued. */
    public record Marked(int positions, int portfolios) {
    }

    private final PortfolioRepository portfolios;
    private final PositionRepository positions;
    private final MarketSeries series;
    private final OutcomeMeasurementRepository measurements;

    public PriceService(PortfolioRepository portfolios, PositionRepository positions, MarketSeries series,
                        OutcomeMeasurementRepository measurements) {
        this.series = series;
        this.measurements = measurements;
        this.portfolios = portfolios;
        this.positions = positions;
    }

    /** @param userId whose positions to mark, or null for every user's */
    @WithTransaction
    public Uni<Marked> mark(String userId, Instant at, Map<String, BigDecimal> prices, Instant now) {
        return series.prices(userId, prices, at)
                // the measurements waiting for these symbols look again at once instead of at the end of their back-off
                .call(() -> measurements.wake(userId, prices.keySet(), now))
                .chain(() -> positions.portfoliosHolding(userId, prices.keySet())).chain(ids -> ids.isEmpty()
                ? Uni.createFrom().item(new Marked(0, 0))
                // the portfolios are locked first, as a trade locks them, so a trade and a price batch take turns
                : portfolios.lockAll(ids).chain(locked -> positions.ofPortfolios(ids)
                        .map(held -> mark(locked, held, at, prices, now))
                        .call(() -> series.valuations(locked, at))));
    }

    private static Marked mark(List<Portfolio> locked, List<Position> held, Instant at, Map<String, BigDecimal> prices, Instant now) {
        int marked = 0;
        for (Position position : held) {
            BigDecimal price = prices.get(position.symbol);
            if (price != null && Valuation.mark(position, price, at)) {
                position.updatedAt = now;
                marked++;
            }
        }
        Map<Long, List<Position>> byPortfolio = held.stream().collect(Collectors.groupingBy(p -> p.portfolioId));
        for (Portfolio portfolio : locked) {
            Valuation.revalue(portfolio, byPortfolio.getOrDefault(portfolio.id, List.of()), at, now);
        }
        return new Marked(marked, locked.size());
    }
}
