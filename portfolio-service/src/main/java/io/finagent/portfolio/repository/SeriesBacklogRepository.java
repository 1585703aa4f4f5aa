package io.finagent.portfolio.repository;

import io.finagent.portfolio.domain.SeriesPoint;
import io.finagent.portfolio.series.PricesOnTheirWay;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The points recorded (series_backlog), and what a restore brought back of the store (series_restores, series_resets). */
@ApplicationScoped
public class SeriesBacklogRepository implements PanacheRepository<SeriesPoint> {

    /** Only one flush at a time in the whole cluster, and none while a restore runs (it takes the same lock). */
    public static final long FLUSH_LOCK = 0x5e71e5L;

    /** Takes the flush lock for the transaction: at once or not at all, or (wait) once the flush that holds it ends. */
    public Uni<Boolean> flushLock(boolean wait) {
        String take = wait ? "SELECT pg_advisory_xact_lock(" + FLUSH_LOCK + ") IS NOT NULL" : "SELECT pg_try_advisory_xact_lock(" + FLUSH_LOCK + ")";
        return getSession().chain(session -> session.createNativeQuery(take, Boolean.class).getSingleResult());
    }

    public Uni<Long> countUnsent() {
        return count("sentAt is null");
    }

    public Uni<List<SeriesPoint>> oldestUnsent(int limit) {
        return find("sentAt is null", Sort.ascending("id")).page(0, limit).list();
    }

    /** The prices the store does not have yet: recorded and not sent (the instant ends each line, in nanoseconds), or restored. */
    public Uni<PricesOnTheirWay> pricesOnTheirWay() {
        return getSession().chain(session -> session.createNativeQuery(
                        "SELECT symbol, min(substring(line from ' ([0-9]+)$')::numeric)::text FROM series_backlog"
                        + " WHERE sent_at IS NULL AND symbol IS NOT NULL GROUP BY symbol", Object[].class).getResultList()
                .chain(sending -> session.createNativeQuery("SELECT DISTINCT symbol FROM series_restores WHERE symbol IS NOT NULL",
                        String.class).getResultList().map(restoring -> {
                            Map<String, Instant> earliest = new HashMap<>();
                            for (Object[] row : sending) {
                                BigInteger[] seconds = new BigInteger((String) row[1]).divideAndRemainder(BigInteger.valueOf(1_000_000_000));
                                earliest.put((String) row[0], Instant.ofEpochSecond(seconds[0].longValueExact(), seconds[1].longValue()));
                            }
                            return new PricesOnTheirWay(earliest, Set.copyOf(restoring));
                        })));
    }

    public Uni<Integer> markSent(List<Long> ids, Instant at) {
        return update("sentAt = ?1 where id in ?2", at, ids);
    }

    /** Whether a restore asked for the store's series to be emptied, and forgets it (in the caller's transaction). */
    public Uni<Boolean> takeReset() {
        return getSession().chain(session -> session.createNativeQuery("DELETE FROM series_resets").executeUpdate())
                .map(deleted -> deleted > 0);
    }

    /** The oldest points a restore brought back after the given id, as id and line. */
    public Uni<List<Object[]>> restoredAfter(long id, int limit) {
        return getSession().chain(session -> session.createNativeQuery("SELECT id, line FROM series_restores WHERE id > ?1 ORDER BY id LIMIT " + limit,
                Object[].class).setParameter(1, id).getResultList());
    }

    /** The points a restore brought back, up to the last one written (they are written in id order, one flush at a time). */
    public Uni<Integer> deleteRestoredUpTo(long id) {
        return getSession().chain(session -> session.createNativeQuery("DELETE FROM series_restores WHERE id <= ?1")
                .setParameter(1, id).executeUpdate());
    }
}
