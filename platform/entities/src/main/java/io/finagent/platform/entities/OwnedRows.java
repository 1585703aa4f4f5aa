package io.finagent.platform.entities;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

/** The two look-ups every user-owned table needs; another user's row is simply not found. */
public interface OwnedRows<T> extends PanacheRepository<T> {

    default Uni<T> findOwned(String userId, long id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    default Uni<T> findByIdempotencyKey(String userId, String key) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, key).firstResult();
    }
}
