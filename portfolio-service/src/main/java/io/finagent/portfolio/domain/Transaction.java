package io.finagent.portfolio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of a portfolio's ledger, never changed once written. */
@Entity
@Table(name = "transactions")
public class Transaction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "portfolio_id", nullable = false, updatable = false)
    public Long portfolioId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(nullable = false, updatable = false)
    public String symbol;

    @Enumerated(EnumType.STRING)
    @Column(name = "transaction_type", nullable = false, updatable = false)
    public TransactionType type;

    public BigDecimal quantity;
    public BigDecimal price;
    /** Gross: quantity × price for a trade, the cash received for a dividend. */
    public BigDecimal amount;

    @Column(nullable = false)
    public BigDecimal commission = BigDecimal.ZERO;

    @Column(name = "split_ratio")
    public BigDecimal splitRatio;

    /** Of this sell (or covering buy), gross of commissions. */
    @Column(name = "realized_pnl")
    public BigDecimal realizedPnl;

    @Column(name = "cash_balance_after")
    public BigDecimal cashBalanceAfter;

    @Column(name = "decision_id", updatable = false)
    public Long decisionId;

    /** The strategy the portfolio trades for, when it has one (its paper trades are that strategy's decisions). */
    @Column(name = "strategy_id", updatable = false)
    public Long strategyId;

    /** The client's own words about the trade; a paper trade names its decision. */
    @Column(updatable = false)
    public String notes;

    @Column(name = "executed_at", nullable = false, updatable = false)
    public Instant executedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;
}
