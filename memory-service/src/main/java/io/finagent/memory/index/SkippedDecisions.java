package io.finagent.memory.index;

import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The decisions the index could not take: logged once each, counted, the newest hundred listed (and kept in each commit). */
final class SkippedDecisions {

    private static final Logger LOG = Logger.getLogger(SkippedDecisions.class);
    private static final int KEPT = 100;
    private static final int REASON_LENGTH = 300;

    private final AtomicLong total = new AtomicLong();
    private final Deque<SkippedDecision> newest = new ArrayDeque<>();

    void add(long id, String reason) {
        LOG.warnf("recall index: decision %d skipped, it cannot be indexed: %s", id, reason);
        total.incrementAndGet();
        synchronized (newest) {
            newest.addLast(new SkippedDecision(id, reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason));
            if (newest.size() > KEPT) {
                newest.removeFirst();
            }
        }
    }

    long total() {
        return total.get();
    }

    List<SkippedDecision> newest() {
        synchronized (newest) {
            return List.copyOf(newest);
        }
    }

    /** Those an opened commit listed. */
    void restore(Collection<SkippedDecision> listed) {
        synchronized (newest) {
            newest.addAll(listed);
        }
    }

    /** A rebuild starts over: the list empties (the count, a metric, does not). */
    void clear() {
        synchronized (newest) {
            newest.clear();
        }
    }
}
