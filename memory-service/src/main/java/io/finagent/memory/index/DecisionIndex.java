package io.finagent.memory.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.config.RecallConfig;
import io.finagent.memory.service.FeatureSpace;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Query;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Approximate nearest neighbours of a market context among a user's decisions: Lucene HNSW
 * vectors, filtered by user, symbol, strategy and {@code decidedAt <= asOf}. Where the filter
 * leaves few decisions (a symbol's, a new user's) they are compared one by one instead
 * ({@link NearestDecisionsQuery}), so small sets are exact. The index is a copy of PostgreSQL kept in a directory: each commit
 * records how far it has followed decision_history ({@link FeedPosition}), the feature slots its
 * vectors use and the database it was built from, so a restart opens it and catches up only what
 * it missed ({@link DecisionIndexFollower}). A row it cannot index is skipped and reported.
 */
@ApplicationScoped
public class DecisionIndex {

    private static final Logger LOG = Logger.getLogger(DecisionIndex.class);

    private final FeatureSpace space;
    private final RecallConfig.Index config;
    private final String layout;
    private final ObjectMapper json;
    /** Writes share it, emptying the index takes it alone: no write of before a rebuild lands after its start. */
    private final ReadWriteLock clearing = new ReentrantReadWriteLock();
    /**
     * A write that gives a feature name its slot shares it, a commit holds it alone while it
     * records the slots: every vector in a commit uses slots the commit records. Other writes go
     * on during a commit (its flush takes a second or more at 50,000 decisions).
     */
    private final ReadWriteLock newSlots = new ReentrantReadWriteLock();
    private final AtomicLong newestDecided = new AtomicLong(Long.MIN_VALUE);
    private final SkippedDecisions skipped = new SkippedDecisions();
    private final DecisionClaims claims = new DecisionClaims();
    private volatile IndexState state = IndexState.STARTING;
    private boolean mergesAsked;
    private String database;
    private IndexFolder folder;
    private volatile IndexWriter writer;
    private volatile IndexSearchers searchers; // both read by health checks and metrics while opening

    public DecisionIndex(FeatureSpace space, RecallConfig config, ObjectMapper json) {
        this.space = space;
        this.config = config.index();
        this.json = json;
        this.layout = IndexLayout.of(config);
    }

    public IndexState state() {
        return state;
    }

    void state(IndexState state) {
        this.state = state;
    }

    public boolean ready() {
        return state == IndexState.READY;
    }

    /**
     * Decisions in the index as the last recall saw them: health and metrics read it often, and a
     * refresh would cut a segment each time. While building, the writer's count (nothing is
     * replaced then).
     */
    public long documents() {
        return documents(false);
    }

    /** The same with every write made searchable first: a count to compare with PostgreSQL (the admin endpoint). */
    public long documentsNow() {
        return documents(true);
    }

    private long documents(boolean readWrites) {
        IndexWriter w = writer;
        if (w == null || searchers == null || state == IndexState.BUILDING) { // still opening (health asks early), or building
            return w == null ? 0 : w.getDocStats().numDocs;
        }
        return searchers.search(readWrites, searcher -> (long) searcher.getIndexReader().numDocs());
    }

    public long skippedTotal() {
        return skipped.total();
    }

    public List<SkippedDecision> skipped() {
        return skipped.newest();
    }

    /**
     * Adds a decision this replica has just committed, so the caller reads its write at once.
     * Never fails the request: the decision is committed, and the feed brings it anyway.
     */
    public void add(IndexedDecision decision) {
        clearing.readLock().lock(); // a rebuild that starts now finds it in its snapshot: it must not land in the emptied index
        try {
            IndexState now = state;
            if ((now == IndexState.READY || now == IndexState.CATCHING_UP) && claims.claim(decision.id())) {
                write(decision, false); // just committed: no copy of it can be in the index
            }
        } catch (RuntimeException e) { // a full disk, a closed writer: the feed tries again
            claims.release(decision.id());
            LOG.warnf("recall index: decision %d not added after its commit (%s); the feed brings it", decision.id(), e);
        } finally {
            clearing.readLock().unlock();
        }
    }

    /** True when the feed writes this decision: this replica's call did not claim it first. */
    boolean claim(long id) {
        return claims.claim(id);
    }

    /** Moves the feed's cursor on ({@code move}); the claims it passed are forgotten. */
    void advance(FeedCursor decisions, Runnable move) {
        claims.advance(decisions, move);
    }

    /**
     * Opens the index kept in the directory and returns how far it had followed the database, or
     * empty when there is nothing to follow from (none, damaged, another layout or database):
     * then it is empty and waits for a rebuild.
     */
    Optional<FeedPosition> open(String databaseId) throws IOException {
        database = databaseId;
        folder = IndexFolder.open(config.directory());
        Optional<FeedPosition> position = Optional.empty();
        if (DirectoryReader.indexExists(folder.directory)) {
            try {
                position = followable();
            } catch (IOException | RuntimeException e) {
                LOG.warnf("recall index in %s cannot be read (%s): it is rebuilt", folder.path, e.toString());
            }
        }
        writer = new IndexWriter(folder.directory, IndexLayout.writerConfig(config, position.isPresent()
                ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE));
        searchers = new IndexSearchers(writer);
        return position;
    }

    private Optional<FeedPosition> followable() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(folder.directory)) {
            Optional<CommitRecord> record = CommitRecord.followable(reader.getIndexCommit().getUserData(), layout, database, json);
            if (record.isEmpty()) {
                LOG.infof("recall index in %s was built for another layout or database: it is rebuilt", folder.path);
                return Optional.empty();
            }
            space.restoreSlots(record.get().slots());
            skipped.restore(record.get().skipped());
            newestDecided.set(DecisionDocuments.newestDecided(reader));
            LOG.infof("recall index: opened %d decisions from %s", reader.numDocs(), folder.path);
            return Optional.of(record.get().position());
        }
    }

    /** Empties the index for a rebuild; the feature slots start over with it. */
    void clear() throws IOException {
        clearing.writeLock().lock();
        try {
            state = IndexState.BUILDING;
            writer.deleteAll();
            claims.clear();
            skipped.clear();
            space.restoreSlots(Map.of());
            newestDecided.set(Long.MIN_VALUE);
        } finally {
            clearing.writeLock().unlock();
        }
    }

    /** A rebuild's decision: the index was emptied, so it is added without looking for an earlier copy. */
    boolean load(IndexedDecision d) {
        return write(d, false);
    }

    /**
     * Writes a decision; {@code replacing} an earlier copy only while catching up (the last
     * commit may hold decisions this replica added after the position it records). A decision
     * it cannot index is skipped, logged once and counted: false.
     */
    boolean write(IndexedDecision d, boolean replacing) {
        clearing.readLock().lock();
        try {
            var doc = DecisionDocuments.of(d, vector(d.features()));
            if (replacing) {
                writer.updateDocument(DecisionDocuments.id(d.id()), doc);
            } else {
                writer.addDocument(doc);
            }
            newestDecided.accumulateAndGet(DecisionDocuments.micros(d.decidedAt()), Math::max);
            searchers.written();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            skip(d.id(), e.toString());
            return false;
        } finally {
            clearing.readLock().unlock();
        }
    }

    private float[] vector(Map<String, Double> features) {
        if (space.hasSlots(features.keySet())) {
            return space.vector(features);
        }
        newSlots.readLock().lock();
        try {
            return space.vector(features);
        } finally {
            newSlots.readLock().unlock();
        }
    }

    /** A row the index cannot take: logged once, counted, listed (the newest hundred). */
    void skip(long id, String reason) {
        skipped.add(id, reason);
    }

    void remove(long id) {
        clearing.readLock().lock();
        try {
            writer.deleteDocuments(DecisionDocuments.id(id));
            searchers.written();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            clearing.readLock().unlock();
        }
    }

    /** Makes the writes durable with the position they reach: a restart goes on from there. */
    void commit(FeedPosition position) throws IOException {
        newSlots.writeLock().lock();
        try {
            writer.setLiveCommitData(new CommitRecord(layout, database, position, space.slots(), skipped()).encode(json).entrySet());
            writer.prepareCommit();
        } finally {
            newSlots.writeLock().unlock();
        }
        writer.commit();
    }

    /** True when the index holds something its last commit does not: a write, a removal, or a finished merge. */
    boolean changedSinceCommit() {
        return writer != null && writer.hasUncommittedChanges();
    }

    /** Merges the small segments into one in the background, the index being idle ({@link SegmentMerges}). */
    void mergeSmallSegments() throws IOException {
        mergesAsked = true;
        writer.maybeMerge();
    }

    /** Once the merges asked for have finished, makes their segment searchable: no write will refresh for them. */
    void refreshAfterMerges() throws IOException {
        if (mergesAsked && !writer.hasPendingMerges() && writer.getMergingSegments().isEmpty()) {
            mergesAsked = false;
            searchers.refreshUnlessBusy();
        }
    }

    /** Makes what was written searchable (a rebuild's end, a poll's). */
    void refresh() throws IOException {
        searchers.refresh();
    }

    /** The {@code n} nearest decisions of the user, decided by {@code asOf}, nearest first: by the HNSW graph. */
    public List<Neighbour> nearest(String userId, String symbol, Long strategyId, Instant asOf, FeatureSpace.Probe probe, int n) {
        return searchers.search(true, searcher -> NeighbourSearch.graph(searcher, filter(userId, symbol, strategyId, asOf), probe, n,
                config.searchBreadth(), config.exactBelow()));
    }

    /** The same, by comparing the probe with every decision the filter leaves: the reference the graph is measured against. */
    public List<Neighbour> nearestExactly(String userId, String symbol, Long strategyId, Instant asOf, FeatureSpace.Probe probe, int n) {
        return searchers.search(true, searcher -> NeighbourSearch.everyCandidate(searcher, filter(userId, symbol, strategyId, asOf), probe, n));
    }

    private Query filter(String userId, String symbol, Long strategyId, Instant asOf) {
        return DecisionDocuments.filter(userId, symbol, strategyId, asOf, newestDecided.get());
    }

    /** Segments now searchable: each has its own graph, so fewer is faster. */
    public int segments() {
        return searchers.search(false, searcher -> searcher.getIndexReader().leaves().size());
    }

    /** Closes without committing (the follower committed what it had read); a temporary folder is removed. */
    void close() throws IOException {
        if (writer != null) {
            searchers.close();
            writer.rollback();
            folder.close();
            writer = null;
        }
    }
}
