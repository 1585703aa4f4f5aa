package io.finagent.portfolio.repository;

import io.finagent.portfolio.domain.MeasurementStatus;
import io.finagent.portfolio.domain.OutcomeMeasurement;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class OutcomeMeasurementRepository implements PanacheRepository<OutcomeMeasurement> {

    /**
     * Pending rows whose time to look has come and that wait for a price: the reference, or the exit
     * once due. Rows that have not missed yet (new, or woken by a price) come first, so a backlog of
     * rows whose symbol gets no prices cannot keep them waiting.
     */
    public Uni<List<OutcomeMeasurement>> toCheck(Instant now, int limit) {
        return find("status = :pending and nextCheckAt <= :now and (referencePrice is null or dueAt <= :now)",
                Sort.ascending("attempts", "nextCheckAt", "id"), Map.of("pending", MeasurementStatus.PENDING, "now", now))
                .page(0, limit).list();
    }

    /** Locked until the transaction ends, so that two passes (or replicas) cannot measure it twice. */
    public Uni<OutcomeMeasurement> lock(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<OutcomeMeasurement> findOwned(String userId, long decisionId) {
        return find("decisionId = ?1 and userId = ?2", decisionId, userId).firstResult();
    }

    /**
     * A price for these symbols arrived: their pending rows are looked at on the next pass. A row
     * locked right now is being settled and is skipped, so two price batches never wait on each other.
     */
    public Uni<Integer> wake(String userId, Collection<String> symbols, Instant now) {
        String sql = """
                UPDATE pending_outcome_measurements SET next_check_at = :now, attempts = 0
                WHERE id IN (SELECT id FROM pending_outcome_measurements
                             WHERE status = 'PENDING' AND symbol IN (:symbols) %s
                             FOR UPDATE SKIP LOCKED)""".formatted(userId == null ? "" : "AND user_id = :user");
        return Panache.getSession().chain(session -> {
            var update = session.createNativeQuery(sql).setParameter("now", now).setParameter("symbols", symbols);
            return (userId == null ? update : update.setParameter("user", userId)).executeUpdate();
        });
    }

    public Uni<Long> countPending() {
        return count("status", MeasurementStatus.PENDING);
    }
}
