package io.finagent.memory.service;

import io.finagent.memory.config.MemoryConfig;
import io.finagent.memory.repository.MarketRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shelves of lessons', episodes' and patterns' markets this replica holds, one per user and kind: a
 * cache of PostgreSQL, never the truth. Every call first reads what changed since the shelf's
 * generation ({@link MarketRows}, one indexed read when nothing did), so it answers from
 * everything committed before it began, whichever replica wrote it. A shelf is loaded whole at
 * its first use after a start (about a second for 100,000 rows), after a removal and after a
 * restore; beyond {@code markets-held} entries the shelves used least recently are dropped.
 */
@ApplicationScoped
public class MarketShelves {

    private static final Logger LOG = Logger.getLogger(MarketShelves.class);

    private record Key(MarketRows.Kind kind, String userId) {
    }

    /** One user's shelf of one kind; refreshed under its own lock, so one load serves the calls waiting for it. */
    private static final class Holder {
        volatile MarketShelf shelf = MarketShelf.EMPTY;
        volatile long usedAt;
        /** Dropped from the map: what it holds is no longer counted. */
        boolean dropped;
    }

    private final Map<Key, Holder> held = new ConcurrentHashMap<>();
    private final AtomicLong entries = new AtomicLong();
    private final MarketRows rows;
    private final FeatureSpace space;
    private final Vertx vertx;
    private final int maxHeld;
    private final Counter read;

    public MarketShelves(MarketRows rows, FeatureSpace space, Vertx vertx, MemoryConfig config, MeterRegistry registry) {
        this.rows = rows;
        this.space = space;
        this.vertx = vertx;
        this.maxHeld = config.marketsHeld();
        registry.gauge("finagent.memories.markets.held", entries);
        this.read = Counter.builder("finagent.memories.markets.read")
                .description("lessons', episodes' and patterns' markets read from PostgreSQL into this replica's shelves").register(registry);
    }

    /**
     * A search of the user's shelf, brought up to date with what was committed before this call
     * first; both on a worker thread, so that the searches of one context run beside each other
     * and beside recall, not one after the other on the request's event loop.
     */
    public <T> Uni<T> search(MarketRows.Kind kind, String userId, Function<MarketShelf, T> search) {
        return vertx.executeBlocking(() -> search.apply(refresh(new Key(kind, userId))), false);
    }

    /**
     * The ids of the {@code n} best rows of the user's shelf for this ask, as of {@code ask.asOf()}:
     * scored with the records the shelf holds (the present ones), unless one changed after asOf; then
     * with the records as they stood at asOf ({@code recordsThen}), so that live and as of t run the
     * same comparison over the same rows.
     */
    public Uni<List<Long>> best(MarketRows.Kind kind, String userId, MarketShelf.Ask ask, int n,
                                Supplier<Uni<MarketRows.Records>> recordsThen) {
        return search(kind, userId, shelf -> shelf.newest() == null || !shelf.newest().isAfter(ask.asOf()) ? shelf.best(ask, space, n) : null)
                .chain(ids -> ids != null ? Uni.createFrom().item(ids) : recordsThen.get()
                        .chain(records -> search(kind, userId, shelf -> shelf.best(ask, space, n, records))));
    }

    private MarketShelf refresh(Key key) throws SQLException {
        Holder holder = held.computeIfAbsent(key, k -> new Holder());
        MarketShelf shelf;
        synchronized (holder) {
            MarketShelf before = holder.shelf;
            long started = System.nanoTime();
            MarketRows.Changes changes = rows.since(key.kind(), key.userId(), before.generation(), before.restore());
            shelf = before.with(changes, space);
            holder.shelf = shelf;
            holder.usedAt = System.nanoTime();
            read.increment(changes.rows().size());
            if (!holder.dropped) {
                entries.addAndGet(shelf.size() - before.size());
            }
            if (changes.all() && !changes.rows().isEmpty()) {
                LOG.infof("%s markets of user %s: %,d read in %d ms", key.kind().label(), key.userId(), shelf.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
        if (entries.get() > maxHeld) {
            dropLeastUsed(key);
        }
        return shelf;
    }

    /** Drops the shelves used least recently (never the one just used) until the bound holds. */
    private void dropLeastUsed(Key keep) {
        held.entrySet().stream()
                .filter(e -> !e.getKey().equals(keep))
                .sorted(Comparator.comparingLong(e -> e.getValue().usedAt))
                .takeWhile(e -> entries.get() > maxHeld)
                .forEach(e -> {
                    synchronized (e.getValue()) {
                        if (held.remove(e.getKey(), e.getValue())) {
                            e.getValue().dropped = true;
                            entries.addAndGet(-e.getValue().shelf.size());
                        }
                    }
                });
    }
}
