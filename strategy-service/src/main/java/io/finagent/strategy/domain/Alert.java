package io.finagent.strategy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/** A signal or warning for a user, pending until sent, then acknowledged; each step has its time. */
@Entity
@Table(name = "alerts")
public class Alert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(name = "strategy_id")
    public Long strategyId;

    @Column(name = "decision_id")
    public Long decisionId;

    public String symbol;

    @Enumerated(EnumType.STRING)
    @Column(name = "alert_type", nullable = false)
    public AlertType type;

    /** 1 low, 2 medium, 3 high, 4 critical. */
    @Column(nullable = false)
    public int priority;

    @Column(nullable = false)
    public String message;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> details;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status = AlertStatus.PENDING;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    /** Moves to {@code target}, which must be the next step; anything else is a 409 and changes nothing. */
    public void moveTo(AlertStatus target, Instant now) {
        if (status.next() != target) {
            throw new AlertStepRefused("alert " + id + " is " + status + " and cannot become " + target
                    + (status.next() == null ? "" : "; it can only become " + status.next()));
        }
        status = target;
        if (target == AlertStatus.SENT) {
            sentAt = now;
        } else {
            acknowledgedAt = now;
        }
        updatedAt = now;
    }
}
