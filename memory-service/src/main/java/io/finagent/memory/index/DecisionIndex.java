package io.finagent.memory.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.config.RecallConfig;
import io.finagent.memory.service.FeatureSpace;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Approximate nearest neighbours of a market context among a user's decisions: Lucene HNSW
 * vectors, filtered by user, symbol, strategy and {@code decidedAt <= asOf}. Lucene itself
 * searches exactly when the filter leaves fewer decisions than the graph search would visit,
 * so small sets are exact. The index is a copy of PostgreSQL kept in a directory: each commit
 * records how far it has followed decision_history ({@link FeedPosition}), the feature slots its
 * vectors use and the database it was built from, so a restart opens it and catches up only what
 * it missed ({@link DecisionIndexFollower}). A row it cannot index is skipped and reported.
 */
@ApplicationScoped
public class DecisionIndex {

    /** A neighbour: the decision's id and its squared distance to the probe in z-space. */
    public record Neighbour(long id, double squaredDistance) {
    }

    /** A decision the index could not take, and why. */
    public record Skipped(long id, String reason) {
    }

    public enum State {
        /** Not opened yet. */
        STARTING,
        /** Opened from its directory, reading what it missed. */
        CATCHING_UP,
        /** Being built from PostgreSQL. */
        BUILDING,
        /** Has read everything committed up to its last poll. */
        READY,
        /** Neither opened nor built (PostgreSQL unreachable, say): retried. */
        FAILED;

        /** As health and the admin endpoint show it: {@code catching-up}. */
        public String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private static final Logger LOG = Logger.getLogger(DecisionIndex.class);
    private static final int SKIPPED_KEPT = 100;
    private static final String LAYOUT = "finagent.layout";
    private static final String DATABASE = "finagent.database";
    private static final String POSITION = "finagent.position";
    private static final String SLOTS = "finagent.slots";
    private static final String SKIPPED = "finagent.skipped";
    private static final QueryCachingPolicy ALWAYS = new QueryCachingPolicy() {
        @Override
        public void onUse(Query query) {
        }

        @Override
        public boolean shouldCache(Query query) {
            return true;
        }
    };

    private final FeatureSpace space;
    private final RecallConfig.Index config;
    private final String layout;
    private final ObjectMapper json;
    /** Writes share it, a commit takes it alone: the slots and position it records match the documents it holds. */
    private final ReadWriteLock commitLock = new ReentrantReadWriteLock();
    private final AtomicBoolean unsearched = new AtomicBoolean();
    private final AtomicLong newestDecided = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong skippedTotal = new AtomicLong();
    private final Deque<Skipped> skipped = new ArrayDeque<>();
    /** Ids added by this replica right after its own commit, which the feed need not write again. */
    private final Set<Long> addedHere = ConcurrentHashMap.newKeySet();
    private volatile State state = State.STARTING;
    private String database;
    private Path path;
    private FSDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    public DecisionIndex(FeatureSpace space, RecallConfig config, ObjectMapper json) {
        this.space = space;
        this.config = config.index();
        this.json = json;
        this.layout = layoutOf(config);
    }

    public State state() {
        return state;
    }

    void state(State state) {
        this.state = state;
    }

    public boolean ready() {
        return state == State.READY;
    }

    /**
     * Decisions in the index, as a recall sees them: the writer's own count includes a document
     * replaced by id until its delete is applied. While building, no refresh (each would cut a
     * segment) and nothing is replaced.
     */
    public long documents() {
        IndexWriter w = writer;
        if (w == null || state == State.BUILDING) {
            return w == null ? 0 : w.getDocStats().numDocs;
        }
        return search(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    public long skippedTotal() {
        return skippedTotal.get();
    }

    public List<Skipped> skipped() {
        synchronized (skipped) {
            return List.copyOf(skipped);
        }
    }

    /**
     * Adds a decision this replica has just committed, so the caller reads its write at once.
     * Never fails the request: the decision is committed, and the feed brings it anyway.
     */
    public void add(IndexedDecision decision) {
        State now = state;
        try {
            if ((now == State.READY || now == State.CATCHING_UP) && write(decision)) {
                addedHere.add(decision.id());
            }
        } catch (RuntimeException e) { // a full disk, a closed writer: the feed tries again
            LOG.warnf("recall index: decision %d not added after its commit (%s); the feed brings it", decision.id(), e);
        }
    }

    /** Whether this replica added the decision itself (and the feed can pass it by); forgets it either way. */
    boolean addedHere(long id) {
        return addedHere.remove(id);
    }

    /** Forgets the ids the feed has passed: they will not come again. */
    void forgetAddedHere(FeedCursor decisions) {
        addedHere.removeIf(decisions::passed);
    }

    /**
     * Opens the index kept in the directory and returns how far it had followed the database, or
     * empty when there is nothing to follow from (none, damaged, another layout or database):
     * then it is empty and waits for a rebuild.
     */
    Optional<FeedPosition> open(String databaseId) throws IOException {
        database = databaseId;
        path = config.directory().orElse(Files.createTempDirectory("finagent-recall-index-"));
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
        Optional<FeedPosition> position = Optional.empty();
        if (DirectoryReader.indexExists(directory)) {
            try {
                position = followable(directory);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("recall index in %s cannot be read (%s): it is rebuilt", path, e.toString());
            }
        }
        writer = new IndexWriter(directory, writerConfig(position.isPresent()
                ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE));
        searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                // keep each user's (and symbol's) filter as a bit set per segment: the HNSW search needs
                // one per query, and rebuilding it from the postings costs more than the search at 1M
                searcher.setQueryCachingPolicy(ALWAYS);
                return searcher;
            }
        });
        return position;
    }

    private Optional<FeedPosition> followable(FSDirectory dir) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            Map<String, String> data = reader.getIndexCommit().getUserData();
            if (!layout.equals(data.get(LAYOUT)) || !database.equals(data.get(DATABASE)) || data.get(POSITION) == null) {
                LOG.infof("recall index in %s was built for another layout or database: it is rebuilt", path);
                return Optional.empty();
            }
            space.restoreSlots(json.readValue(data.get(SLOTS), new TypeReference<Map<String, Integer>>() {
            }));
            List<Skipped> before = json.readValue(data.getOrDefault(SKIPPED, "[]"), new TypeReference<List<Skipped>>() {
            });
            synchronized (skipped) {
                skipped.addAll(before);
            }
            newestDecided.set(DecisionDocuments.newestDecided(reader));
            LOG.infof("recall index: opened %d decisions from %s", reader.numDocs(), path);
            return Optional.of(FeedPosition.decode(data.get(POSITION)));
        }
    }

    /** Empties the index for a rebuild; the feature slots start over with it. */
    void clear() throws IOException {
        commitLock.writeLock().lock();
        try {
            state = State.BUILDING;
            writer.deleteAll();
            addedHere.clear();
            synchronized (skipped) {
                skipped.clear();
            }
            space.restoreSlots(Map.of());
            newestDecided.set(Long.MIN_VALUE);
        } finally {
            commitLock.writeLock().unlock();
        }
    }

    /**
     * Writes a decision (replacing an earlier copy: the feed and this replica may both bring it).
     * A decision it cannot index is skipped, logged once and counted: false.
     */
    boolean write(IndexedDecision d) {
        return write(d, false);
    }

    /** A rebuild's decision: the index was emptied, so it is added without looking for an earlier copy. */
    boolean load(IndexedDecision d) {
        return write(d, true);
    }

    private boolean write(IndexedDecision d, boolean fresh) {
        commitLock.readLock().lock();
        try {
            var doc = DecisionDocuments.of(d, space.vector(d.features()));
            if (fresh) {
                writer.addDocument(doc);
            } else {
                writer.updateDocument(DecisionDocuments.id(d.id()), doc);
            }
            newestDecided.accumulateAndGet(DecisionDocuments.micros(d.decidedAt()), Math::max);
            unsearched.set(true);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            skip(d.id(), e.toString());
            return false;
        } finally {
            commitLock.readLock().unlock();
        }
    }

    /** A row the index cannot take: logged once, counted, listed (the newest hundred). */
    void skip(long id, String reason) {
        LOG.warnf("recall index: decision %d skipped, it cannot be indexed: %s", id, reason);
        skippedTotal.incrementAndGet();
        synchronized (skipped) {
            skipped.addLast(new Skipped(id, reason.length() > 300 ? reason.substring(0, 300) : reason));
            if (skipped.size() > SKIPPED_KEPT) {
                skipped.removeFirst();
            }
        }
    }

    void remove(long id) {
        commitLock.readLock().lock();
        try {
            writer.deleteDocuments(DecisionDocuments.id(id));
            unsearched.set(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            commitLock.readLock().unlock();
        }
    }

    /** Makes the writes durable with the position they reach: a restart goes on from there. */
    void commit(FeedPosition position) throws IOException {
        Map<String, String> data = new HashMap<>();
        commitLock.writeLock().lock();
        try {
            data.put(LAYOUT, layout);
            data.put(DATABASE, database);
            data.put(POSITION, position.encode());
            data.put(SLOTS, json.writeValueAsString(space.slots()));
            data.put(SKIPPED, json.writeValueAsString(skipped()));
            writer.setLiveCommitData(data.entrySet());
            writer.prepareCommit();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } finally {
            commitLock.writeLock().unlock();
        }
        writer.commit();
    }

    /** Makes what was written searchable (a rebuild's end, a poll's). */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** The {@code n} nearest decisions of the user, decided by {@code asOf}, nearest first: by the HNSW graph. */
    public List<Neighbour> nearest(String userId, String symbol, Long strategyId, Instant asOf, FeatureSpace.Probe probe, int n) {
        return search(searcher -> NeighbourSearch.graph(searcher, filter(userId, symbol, strategyId, asOf), probe, n,
                config.searchBreadth()));
    }

    /** The same, by comparing the probe with every decision the filter leaves: the reference the graph is measured against. */
    public List<Neighbour> nearestExactly(String userId, String symbol, Long strategyId, Instant asOf, FeatureSpace.Probe probe, int n) {
        return search(searcher -> NeighbourSearch.everyCandidate(searcher, filter(userId, symbol, strategyId, asOf), probe, n));
    }

    private interface Search<T> {
        T in(IndexSearcher searcher) throws IOException;
    }

    private <T> T search(Search<T> search) {
        try {
            if (unsearched.getAndSet(false)) {
                searchers.maybeRefreshBlocking(); // read your writes: a recall sees every recorded decision
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.in(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query filter(String userId, String symbol, Long strategyId, Instant asOf) {
        return DecisionDocuments.filter(userId, symbol, strategyId, asOf, newestDecided.get());
    }

    private IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig()
                .setOpenMode(mode)
                .setCommitOnClose(false) // the follower commits with its position; nothing else is durable
                .setRAMBufferSizeMB(ramBufferMb())
                .setMergePolicy(fewSegments())
                .setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return new Lucene99HnswVectorsFormat(config.maxConnections(), config.beamWidth());
                    }
                });
    }

    /**
     * Each segment has a graph of its own that every recall searches, so segments are merged
     * sooner than Lucene's default (10 a tier). Measured at 1M after an ingest of about 190,000
     * decisions: 15 segments with the default, 13 with this; the 2 of a rebuild search faster.
     */
    private static TieredMergePolicy fewSegments() {
        return new TieredMergePolicy().setSegmentsPerTier(4).setMaxMergeAtOnce(4);
    }

    /**
     * The configured buffer, at most a quarter of the heap: a rebuild that fits in it makes one
     * segment (one graph to search, no merges afterwards), and a small heap still cannot overflow.
     */
    private double ramBufferMb() {
        return Math.min(config.ramBufferMb(), Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20));
    }

    /** What the stored vectors depend on: another layout means another index. */
    private static String layoutOf(RecallConfig config) {
        StringBuilder out = new StringBuilder("v1 dims=" + config.index().dimensions() + " m=" + config.index().maxConnections()
                + " beam=" + config.index().beamWidth());
        config.features().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(' ').append(e.getKey()).append('=').append(e.getValue().center()).append('/')
                        .append(e.getValue().scale()));
        return out.toString();
    }

    /** Segments now searchable: each has its own graph, so fewer is faster. */
    public int segments() {
        return search(searcher -> searcher.getIndexReader().leaves().size());
    }

    /** Closes without committing (the follower committed what it had read); a temporary folder is removed. */
    void close() throws IOException {
        if (writer != null) {
            searchers.close();
            writer.rollback();
            directory.close();
            writer = null;
            if (config.directory().isEmpty()) {
                try (var files = Files.walk(path)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
