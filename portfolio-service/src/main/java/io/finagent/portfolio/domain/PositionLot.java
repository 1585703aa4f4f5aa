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
 * One opening trade of a FIFO position, consumed oldest first. Quantities and costs are
 * magnitudes: the lot is on the side of its position (long, or short when the position is).
 */
@Entity
@Table(name = "position_lots")
public class PositionLot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "position_id", nullable = false, updatable = false)
    public Long positionId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public String userId;

    @Column(name = "buy_transaction_id", updatable = false)
    public Long openingTransactionId;

    /** When the opening transaction executed: with its id, that transaction's key (transactions is partitioned by month). */
    @Column(name = "buy_executed_at", updatable = false)
    public Instant openingTransactionExecutedAt;

    @Column(name = "acquired_at", nullable = false, updatable = false)
    public Instant acquiredAt;

    @Column(name = "original_quantity", nullable = false)
    public BigDecimal originalQuantity;

    @Column(name = "remaining_quantity", nullable = false)
    public BigDecimal remainingQuantity;

    @Column(name = "original_cost", nullable = false)
    public BigDecimal originalCost;

    @Column(name = "remaining_cost", nullable = false)
    public BigDecimal remainingCost;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
