package io.finagent.memory.index;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The recall index's commits, off the follower's thread. A commit flushes what was written since
 * the last one (a second or more at 50,000 decisions); a follower waiting for it would leave this
 * replica's recall that much behind the decisions the others record. One commit at a time, with a
 * copy of the position taken when it was asked: every decision up to it is in the writer by then,
 * and what the follower adds meanwhile lies beyond it.
 */
final class IndexCommits implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IndexCommits.class);

    private final DecisionIndex index;
    private final ExecutorService committer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "recall-index-commit");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> inFlight = CompletableFuture.completedFuture(null);

    IndexCommits(DecisionIndex index) {
        this.index = index;
    }

    /** Starts a commit of the index as far as {@code position}; false while the previous one still runs. */
    boolean start(FeedPosition position) {
        if (!inFlight.isDone()) {
            return false;
        }
        FeedPosition copy = FeedPosition.decode(position.encode()); // the follower moves its own on meanwhile
        inFlight = committer.submit(() -> commit(copy));
        return true;
    }

    /** Commits now, on the caller's thread, once the commit in flight is done (at shutdown). */
    void commitNow(FeedPosition position) {
        await();
        commit(position);
    }

    /** Waits for the commit in flight: before the index is emptied for a rebuild, or closed. */
    void await() {
        try {
            inFlight.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // an Error: commit() logs every other failure itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commit(FeedPosition position) {
        try {
            index.commit(position);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("recall index: commit failed (%s); the next start reads more again", e);
        }
    }

    @Override
    public void close() {
        await();
        committer.shutdown();
    }
}
