package io.finagent.platform.idempotency;

import io.finagent.platform.entities.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Creates a row at most once per Idempotency-Key: a repeated key returns the first row. When two
 * calls with one key race, the table's unique (user_id, idempotency_key) stops the second, which
 * then returns the winner's row.
 */
public final class IdempotentCreate {

    private IdempotentCreate() {
    }

    /**
     * @param key     the Idempotency-Key, or null for a plain create
     * @param earlier finds the row stored under the key (null when none)
     * @param create  stores the new row (and anything that must commit with it)
     */
    public static <T> Uni<Created<T>> create(String key, Supplier<Uni<T>> earlier, Supplier<Uni<T>> create) {
        if (key == null) {
            return Panache.withTransaction(create).map(v -> new Created<>(v, false));
        }
        return Panache.withTransaction(() -> earlier.get().chain(existing -> existing != null
                        ? Uni.createFrom().item(new Created<>(existing, true))
                        : create.get().map(v -> new Created<T>(v, false))))
                .onFailure(UniqueViolation::is)
                .recoverWithUni(failure -> Panache.withSession(earlier).onItem().ifNull().failWith(failure)
                        .map(v -> new Created<>(v, true)));
    }
}
