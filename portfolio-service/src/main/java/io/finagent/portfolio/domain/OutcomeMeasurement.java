package io.finagent.portfolio.domain;

import io.finagent.platform.events.DecisionMade;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The measurement of one decision's outcome: its reference price (the first at or after the
 * decision), its exit price (the first at or after the horizon) and the signed return between
 * them. The row stays once measured, so the outcome is published once per decision.
 */
@Entity
@Table(name = "pending_outcome_measurements")
public class OutcomeMeasurement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "decision_id", nullable = false, updatable = false)
    public Long decisionId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(name = "strategy_id", nullable = false, updatable = false)
    public Long strategyId;

    @Column(nullable = false, updatable = false)
    public String symbol;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision_type", nullable = false, updatable = false)
    public DecisionType decisionType;

    public BigDecimal confidence;

    @Column(name = "decided_at", nullable = false, updatable = false)
    public Instant decidedAt;

    @Column(name = "horizon_minutes", nullable = false)
    public int horizonMinutes;

    @Enumerated(EnumType.STRING)
    @Column(name = "horizon_source", nullable = false)
    public HorizonSource horizonSource;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "reference_price")
    public BigDecimal referencePrice;

    @Column(name = "reference_price_at")
    public Instant referencePriceAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeasurementStatus status = MeasurementStatus.PENDING;

    @Column(name = "exit_price")
    public BigDecimal exitPrice;

    @Column(name = "exit_price_at")
    public Instant exitPriceAt;

    public BigDecimal outcome;

    @Column(name = "measured_at")
    public Instant measuredAt;

    @Column(name = "next_check_at", nullable = false)
    public Instant nextCheckAt;

    /** Checks that found nothing new since the symbol last had a price. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "paper_portfolio_id")
    public Long paperPortfolioId;

    @Column(name = "paper_transaction_id")
    public Long paperTransactionId;

    @Column(name = "paper_note")
    public String paperNote;

    /** The trace the decision arrived in; its outcome is published in it. */
    @Column(updatable = false)
    public String traceparent;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static OutcomeMeasurement of(DecisionMade decision, int horizonMinutes, HorizonSource source, String traceparent, Instant now) {
        OutcomeMeasurement m = new OutcomeMeasurement();
        m.decisionId = decision.decisionId();
        m.userId = decision.userId();
        m.strategyId = decision.strategyId();
        m.symbol = decision.symbol();
        m.decisionType = DecisionType.valueOf(decision.decisionType());
        m.confidence = decision.confidence();
        m.decidedAt = decision.decidedAt();
        m.horizonMinutes = horizonMinutes;
        m.horizonSource = source;
        m.dueAt = decision.decidedAt().plus(Duration.ofMinutes(horizonMinutes));
        m.nextCheckAt = now;
        m.traceparent = traceparent;
        m.createdAt = now;
        m.updatedAt = now;
        return m;
    }

    public boolean due(Instant now) {
        return !dueAt.isAfter(now);
    }

    /** Records the exit price and the outcome; the row is then done. */
    public void measure(BigDecimal exit, Instant exitAt, Instant now) {
        exitPrice = exit;
        exitPriceAt = exitAt;
        outcome = signedReturn(decisionType, referencePrice, exit);
        status = MeasurementStatus.MEASURED;
        measuredAt = now;
        lastError = null;
        updatedAt = now;
    }

    public void skip(String reason, Instant now) {
        status = MeasurementStatus.SKIPPED;
        lastError = reason;
        updatedAt = now;
    }

    /** Nothing new this time: look again later, each miss waiting twice as long, up to {@code longest}. */
    public void missed(Duration first, Duration longest, Instant now) {
        attempts++;
        Duration wait = first.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextCheckAt = now.plus(wait.compareTo(longest) > 0 ? longest : wait);
        updatedAt = now;
    }

    /**
     * The return of following the decision from the reference price to the exit price, rounded
     * half-even to 10 decimals: BUY and HOLD earn the asset's return (exit / reference - 1), a
     * SELL earns its opposite. HOLD keeps what is held, so it is judged by what holding made.
     */
    public static BigDecimal signedReturn(DecisionType type, BigDecimal reference, BigDecimal exit) {
        BigDecimal assetReturn = exit.subtract(reference).divide(reference, 10, RoundingMode.HALF_EVEN);
        return type == DecisionType.SELL ? assetReturn.negate() : assetReturn;
    }
}
