package io.finagent.portfolio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a portfolio holds of one symbol. {@code quantity} is signed (negative when short) and so is
 * {@code costBasis} (for a short, minus the proceeds of the open sales); commissions are never in
 * the cost. A position sold to zero keeps its row with exactly zero quantity and cost.
 */
@Entity
@Table(name = "positions")
public class Position {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "portfolio_id", nullable = false, updatable = false)
    public Long portfolioId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(nullable = false, updatable = false)
    public String symbol;

    @Column(nullable = false)
    public BigDecimal quantity = BigDecimal.ZERO;

    @Column(name = "average_price", nullable = false)
    public BigDecimal averagePrice = BigDecimal.ZERO;

    @Column(name = "cost_basis", nullable = false)
    public BigDecimal costBasis = BigDecimal.ZERO;

    /** Cumulative, gross of commissions. */
    @Column(name = "realized_pnl", nullable = false)
    public BigDecimal realizedPnl = BigDecimal.ZERO;

    @Column(name = "current_price")
    public BigDecimal currentPrice;

    @Column(name = "market_value")
    public BigDecimal marketValue;

    @Column(name = "unrealized_pnl")
    public BigDecimal unrealizedPnl;

    @Column(name = "price_updated_at")
    public Instant priceUpdatedAt;

    /** When the position was opened: its first trade since it was last flat; null while it is flat. */
    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Position open(Portfolio portfolio, String symbol, Instant now) {
        Position p = new Position();
        p.portfolioId = portfolio.id;
        p.userId = portfolio.userId;
        p.symbol = symbol;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }
}
