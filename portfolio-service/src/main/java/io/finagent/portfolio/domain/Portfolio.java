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

/** A paper portfolio: its cash, its rules, and its last valuation (cash plus positions at market). */
@Entity
@Table(name = "portfolios")
public class Portfolio {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "base_currency", nullable = false)
    public String baseCurrency;

    @Column(name = "initial_capital", nullable = false, updatable = false)
    public BigDecimal initialCapital;

    @Column(name = "cash_balance", nullable = false)
    public BigDecimal cashBalance;

    @Column(name = "current_value", nullable = false)
    public BigDecimal currentValue;

    @Column(name = "valued_at")
    public Instant valuedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "accounting_method", nullable = false, updatable = false)
    public AccountingMethod accountingMethod;

    @Column(name = "allow_short_selling", nullable = false)
    public boolean allowShortSelling;

    @Column(name = "allow_margin", nullable = false)
    public boolean allowMargin;

    @Column(name = "strategy_id")
    public Long strategyId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;
}
