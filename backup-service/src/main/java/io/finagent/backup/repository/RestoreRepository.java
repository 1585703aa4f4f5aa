package io.finagent.backup.repository;

import io.finagent.backup.domain.Restore;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class RestoreRepository implements PanacheRepository<Restore> {

    /** Whether a restore that wrote anything (completed, or failed part way) started after {@code instant}. */
    public Uni<Boolean> restoredSince(Instant instant) {
        return count("startedAt > ?1 and status in ('COMPLETED', 'FAILED')", instant).map(n -> n > 0);
    }
}
