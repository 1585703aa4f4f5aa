package io.finagent.portfolio.mapping;

import io.finagent.platform.problem.ProblemException;
import io.finagent.portfolio.domain.Amounts;
import io.finagent.portfolio.domain.Transaction;
import io.finagent.portfolio.domain.TransactionType;
import io.finagent.portfolio.rest.TransactionRequest;
import io.finagent.portfolio.rest.TransactionResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.finagent.portfolio.domain.Amounts.money;

@ApplicationScoped
public class TransactionMapper {

    /** Checks the fields each type needs and refuses those it does not use (400 naming the field). */
    public Transaction toTransaction(String userId, TransactionRequest request, String idempotencyKey, Instant now) {
        TransactionType type = request.type();
        switch (type) {
            case BUY, SELL -> {
                required(request.quantity(), "quantity", type);
                required(request.price(), "price", type);
                unused(request.amount(), "amount", type); // the gross amount is quantity × price
                unused(request.splitRatio(), "splitRatio", type);
            }
            case DIVIDEND -> { // quantity (units held) and price (per unit) may come along, for the record
                required(request.amount(), "amount", type);
                unused(request.splitRatio(), "splitRatio", type);
            }
            case SPLIT -> {
                required(request.splitRatio(), "splitRatio", type);
                unused(request.quantity(), "quantity", type);
                unused(request.price(), "price", type);
                unused(request.amount(), "amount", type);
            }
        }
        Transaction t = new Transaction();
        t.userId = userId;
        t.type = type;
        t.symbol = request.symbol().toUpperCase();
        t.quantity = request.quantity() == null ? null : Amounts.quantity(request.quantity());
        t.price = request.price() == null ? null : money(request.price());
        t.amount = request.amount() == null ? null : money(request.amount());
        t.commission = money(request.commission() == null ? BigDecimal.ZERO : request.commission());
        t.splitRatio = request.splitRatio();
        t.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        t.executedAt = request.executedAt() == null ? t.createdAt : request.executedAt().truncatedTo(ChronoUnit.MICROS);
        t.idempotencyKey = idempotencyKey;
        t.notes = request.notes();
        return t;
    }

    public TransactionResponse toResponse(Transaction t) {
        return new TransactionResponse(t.id, t.portfolioId, t.type, t.symbol, t.quantity, t.price, t.amount, t.commission,
                t.splitRatio, t.realizedPnl, t.cashBalanceAfter, t.decisionId, t.strategyId, t.notes, t.executedAt, t.createdAt);
    }

    private static void required(BigDecimal value, String field, TransactionType type) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required for a " + type);
        }
    }

    private static void unused(BigDecimal value, String field, TransactionType type) {
        if (value != null) {
            throw ProblemException.invalid(field, "is not used by a " + type);
        }
    }
}
