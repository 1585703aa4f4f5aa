package io.finagent.memory.index;

import io.finagent.memory.config.RecallConfig;
import io.finagent.memory.repository.DecisionSnapshot;
import io.finagent.platform.backup.DataRestored;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds the recall index from PostgreSQL at start, on its own thread: the service answers
 * meanwhile (recall searches exactly until the index is ready). Progress goes to the log every
 * 100,000 rows and to the metrics {@code finagent.recall.index.rebuild.rows} (done) and
 * {@code .total}.
 */
@ApplicationScoped
public class DecisionIndexRebuild {

    private static final Logger LOG = Logger.getLogger(DecisionIndexRebuild.class);
    private static final long LOG_EVERY = 100_000;

    private final DecisionIndex index;
    private final DecisionSnapshot snapshot;
    private final int fetchSize;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public DecisionIndexRebuild(DecisionIndex index, DecisionSnapshot snapshot, RecallConfig config, MeterRegistry registry) {
        this.index = index;
        this.snapshot = snapshot;
        this.fetchSize = config.index().rebuildFetchSize();
        registry.gauge("finagent.recall.index.rebuild.rows", done);
        registry.gauge("finagent.recall.index.rebuild.total", total);
        registry.gauge("finagent.recall.index.ready", index, i -> i.ready() ? 1 : 0);
        registry.gauge("finagent.recall.index.documents", index, DecisionIndex::documents);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Restored rows replace what the index holds: a running rebuild may have read the old ones, so another follows. */
    void onRestore(@Observes DataRestored event) {
        again.set(true);
        start();
    }

    /** Starts a rebuild in the background, as at start; after a restore, for instance. */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return; // one at a time: the running rebuild reads everything anyway (or runs again, after a restore)
        }
        again.set(false);
        try {
            index.beginRebuild(); // from here recall is exact and new decisions wait for the rebuild
        } catch (IOException | RuntimeException e) {
            running.set(false);
            throw new IllegalStateException("recall index cannot be opened", e);
        }
        Thread thread = new Thread(this::rebuild, "recall-index-rebuild");
        thread.setDaemon(true);
        thread.start();
    }

    private void rebuild() {
        long started = System.nanoTime();
        try {
            done.set(0);
            total.set(snapshot.count());
            LOG.infof("recall index: rebuilding from %d decisions", total.get());
            snapshot.forEach(fetchSize, decision -> {
                index.load(decision);
                if (done.incrementAndGet() % LOG_EVERY == 0) {
                    LOG.infof("recall index: %d of %d decisions (%.0f%%)", done.get(), total.get(), 100.0 * done.get() / total.get());
                }
            });
            index.endRebuild();
            // the rebuild leaves about a gigabyte of garbage in the old generation (rows, the graph built
            // on the heap before its segment was written); G1 would otherwise keep the young generation
            // small and collect often for minutes: measured, recall p95 13.3 ms before this, 8.2 ms after
            System.gc();
            LOG.infof("recall index: ready with %d decisions after %.1f s (%d segments)", index.documents(),
                    (System.nanoTime() - started) / 1e9, index.segments());
        } catch (Exception e) {
            // recall stays exact (newest decisions only) rather than the service going down
            index.abandonRebuild();
            LOG.error("recall index: rebuild failed; recall searches exactly until the next rebuild", e);
        } finally {
            running.set(false);
        }
        if (again.get()) {
            start();
        }
    }
}
