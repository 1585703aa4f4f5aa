package io.finagent.memory.index;

import io.finagent.memory.config.RecallConfig;
import io.finagent.memory.repository.DecisionFeed;
import io.finagent.memory.repository.DecisionRow;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The recall index's own thread, the one that keeps it a copy of PostgreSQL on every replica.
 * At start it opens the index kept in its directory and catches up from the position of its
 * last commit, or rebuilds it when there is none to follow. Then it polls decision_history
 * ({@link DecisionFeed}) every {@code follow-interval}: each decision whichever replica recorded
 * it, each removal, and each restore (which means a rebuild). It commits after
 * {@code commit-interval} or {@code commit-decisions} ({@link IndexCommits}, beside the polls), and
 * at shutdown; after a crash the next start reads again what the last commit had not reached.
 */
@ApplicationScoped
public class DecisionIndexFollower {

    private static final Logger LOG = Logger.getLogger(DecisionIndexFollower.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final DecisionIndex index;
    private final DecisionIndexRebuild rebuild;
    private final DecisionFeed feed;
    private final RecallConfig.Index config;
    private final AtomicBoolean rebuildAsked = new AtomicBoolean();
    private final Semaphore wake = new Semaphore(0);
    private final IndexCommits commits;
    private volatile boolean running;
    private volatile long headReachedAt = System.nanoTime();
    private Thread thread;
    private boolean opened;
    private FeedPosition position;
    private long uncommitted;
    private long committedAt = System.nanoTime();
    private long lastReadAt = System.nanoTime();
    private boolean mergedSinceRead;

    public DecisionIndexFollower(DecisionIndex index, DecisionIndexRebuild rebuild, DecisionFeed feed, RecallConfig config,
                                 MeterRegistry registry) {
        this.index = index;
        this.rebuild = rebuild;
        this.feed = feed;
        this.config = config.index();
        this.commits = new IndexCommits(index);
        registry.gauge("finagent.recall.index.ready", index, i -> i.ready() ? 1 : 0);
        registry.gauge("finagent.recall.index.documents", index, DecisionIndex::documents);
        registry.gauge("finagent.recall.index.lag.seconds", this, DecisionIndexFollower::lagSeconds);
        FunctionCounter.builder("finagent.recall.index.skipped", index, DecisionIndex::skippedTotal)
                .description("decisions the recall index could not take").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::follow, "recall-index");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException, IOException {
        running = false;
        wake.release();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        commits.close();
        index.close();
    }

    /** Rebuilds from PostgreSQL on the index's thread, as soon as it is free (admin). */
    public void rebuild() {
        rebuildAsked.set(true);
        wake.release();
    }

    /** Seconds since the index last had everything PostgreSQL had committed. */
    public double lagSeconds() {
        return (System.nanoTime() - headReachedAt) / 1e9;
    }

    private void follow() {
        long backoff = 0;
        while (running) {
            try {
                if (rebuildAsked.getAndSet(false)) {
                    position = null; // from here the index is emptied: nothing to follow until it is rebuilt
                }
                if (position == null) {
                    position = openOrRebuild();
                }
                DecisionFeed.Poll poll = feed.poll(position, config.rebuildFetchSize());
                if (poll.restore() != position.restore()) {
                    LOG.info("recall index: the decisions were restored; rebuilding");
                    position = null;
                    continue;
                }
                boolean read = apply(poll);
                whenIdle(read);
                if (!poll.full()) {
                    headReachedAt = System.nanoTime();
                    if (!index.ready()) {
                        index.state(IndexState.READY);
                        LOG.infof("recall index: ready with %d decisions, %.1f s after the process started", index.documentsNow(),
                                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
                    }
                }
                commitWhenDue(false);
                backoff = 0;
                if (!poll.full()) {
                    wake.tryAcquire(config.followInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (position == null) {
                    index.state(IndexState.FAILED);
                }
                backoff = Math.min(MAX_BACKOFF_MS, Math.max(1000, backoff * 2));
                LOG.warnf("recall index: %s failed (%s); again in %d ms", position == null ? "building" : "following", e, backoff);
                pause(backoff);
            }
        }
        commitWhenDue(true);
    }

    private FeedPosition openOrRebuild() throws Exception {
        commits.await(); // a commit still running must not record its position in an index emptied for a rebuild
        if (!opened) {
            Optional<FeedPosition> kept = index.open(feed.databaseId());
            opened = true;
            if (kept.isPresent()) {
                index.state(IndexState.CATCHING_UP);
                return kept.get();
            }
        }
        return rebuild.run();
    }

    /** True when the poll brought anything: a decision or a removal. */
    private boolean apply(DecisionFeed.Poll poll) throws IOException {
        // once ready, every decision the feed brings is new to the index; while catching up, the last
        // commit may hold some this replica added after the position that commit records
        boolean replacing = !index.ready();
        for (List<DecisionRow> rows : List.of(poll.gapDecisions(), poll.newDecisions())) {
            for (DecisionRow row : rows) {
                if (row.problem() != null) {
                    index.skip(row.id(), row.problem());
                } else if (index.claim(row.id())) {
                    index.write(row.decision(), replacing);
                }
            }
        }
        for (List<DecisionFeed.Removal> removals : List.of(poll.gapRemovals(), poll.newRemovals())) {
            removals.forEach(r -> index.remove(r.decisionId()));
        }
        index.advance(position.decisions(), () ->
                position.decisions().advance(poll.gapDecisions().stream().map(DecisionRow::id).toList(),
                        poll.newDecisions().stream().map(DecisionRow::id).toList(), poll.xmin(), poll.xmax()));
        position.removals().advance(poll.gapRemovals().stream().map(DecisionFeed.Removal::id).toList(),
                poll.newRemovals().stream().map(DecisionFeed.Removal::id).toList(), poll.xmin(), poll.xmax());
        // searchable at the next recall, which refreshes first: refreshing here at every poll would
        // cut a segment (a small graph, merged again later) every 200 ms under ingest
        long read = poll.newDecisions().size() + poll.gapDecisions().size() + poll.newRemovals().size() + poll.gapRemovals().size();
        uncommitted += read;
        return read > 0;
    }

    /** After {@code merge-when-idle} without anything new, the small segments an ingest left are merged (once). */
    private void whenIdle(boolean read) throws IOException {
        long now = System.nanoTime();
        if (read || !index.ready()) {
            lastReadAt = now;
            mergedSinceRead = false;
        } else if (!mergedSinceRead && now - lastReadAt >= config.mergeWhenIdle().toNanos()) {
            index.mergeSmallSegments();
            mergedSinceRead = true;
        }
        index.refreshAfterMerges();
    }

    /** Due after {@code commit-interval} or {@code commit-decisions}: started in the background; at shutdown, done at once. */
    private void commitWhenDue(boolean closing) {
        boolean due = closing || uncommitted >= config.commitDecisions()
                || System.nanoTime() - committedAt >= config.commitInterval().toNanos();
        // a finished merge is committed too, or the next start would merge the same segments again
        if (position == null || !due || (uncommitted == 0 && !index.changedSinceCommit())) {
            return;
        }
        if (closing) {
            commits.commitNow(position);
        } else if (commits.start(position)) {
            uncommitted = 0;
            committedAt = System.nanoTime();
        }
    }

    private void pause(long millis) {
        try {
            wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
