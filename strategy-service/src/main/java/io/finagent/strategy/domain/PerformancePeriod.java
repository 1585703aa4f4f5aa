package io.finagent.strategy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** A strategy's performance computed over [periodFrom, periodTo); computing the same period again replaces it. */
@Entity
@Table(name = "strategy_performance")
public class PerformancePeriod {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "strategy_id", nullable = false)
    public Long strategyId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "period_from", nullable = false)
    public Instant periodFrom;

    @Column(name = "period_to", nullable = false)
    public Instant periodTo;

    @Column(name = "total_return")
    public BigDecimal totalReturn;
    @Column(name = "annualized_return")
    public BigDecimal annualizedReturn;
    @Column(name = "annualized_volatility")
    public BigDecimal annualizedVolatility;
    @Column(name = "sharpe_ratio")
    public BigDecimal sharpeRatio;
    @Column(name = "sortino_ratio")
    public BigDecimal sortinoRatio;
    @Column(name = "calmar_ratio")
    public BigDecimal calmarRatio;
    @Column(name = "max_drawdown")
    public BigDecimal maxDrawdown;
    @Column(name = "win_rate")
    public BigDecimal winRate;

    @Column(name = "total_trades", nullable = false)
    public long totalTrades;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public void take(PerformanceMetrics.Performance p, Instant now) {
        totalReturn = p.totalReturn().value();
        annualizedReturn = p.annualizedReturn().value();
        annualizedVolatility = p.annualizedVolatility().value();
        sharpeRatio = p.sharpeRatio().value();
        sortinoRatio = p.sortinoRatio().value();
        calmarRatio = p.calmarRatio().value();
        maxDrawdown = p.maxDrawdown().value();
        winRate = p.winRate().value();
        totalTrades = p.totalTrades();
        computedAt = now;
        updatedAt = now;
    }
}
