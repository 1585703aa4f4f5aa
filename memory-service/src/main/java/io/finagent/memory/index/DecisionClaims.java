package io.finagent.memory.index;

import java.util.HashSet;
import java.util.Set;

/**
 * Who writes a decision into this replica's index: the call that recorded it here (right after
 * its commit, so the caller reads its own write) or the feed (which brings every decision, this
 * replica's too). The first to claim an id writes it and the other passes it by, so the index
 * never holds a decision twice and a new decision is added, never deleted-then-added (a delete
 * is looked up in every segment at the next flush, and a segment with deletions cannot lend its
 * graph to a merge). A claim is forgotten once the feed has passed its id: it never comes again.
 */
final class DecisionClaims {

    private final Set<Long> claimed = new HashSet<>();
    /** The feed's cursor, moved only under this object's lock so a claim sees it before or after a poll, never halfway. */
    private FeedCursor followed;

    synchronized boolean claim(long id) {
        return (followed == null || !followed.passed(id)) && claimed.add(id);
    }

    /** A claim whose write failed: the feed writes it when it comes. */
    synchronized void release(long id) {
        claimed.remove(id);
    }

    /** Moves the feed's cursor on ({@code move}) and forgets the claims it passed. */
    synchronized void advance(FeedCursor cursor, Runnable move) {
        move.run();
        followed = cursor;
        claimed.removeIf(cursor::passed);
    }

    /** The index was emptied: nothing is claimed, and no feed is followed until the rebuild's. */
    synchronized void clear() {
        claimed.clear();
        followed = null;
    }
}
