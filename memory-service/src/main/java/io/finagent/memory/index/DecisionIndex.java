package io.finagent.memory.index;

import io.finagent.memory.config.RecallConfig;
import io.finagent.memory.service.FeatureSpace;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Approximate nearest neighbours of a market context among a user's decisions: Lucene HNSW
 * vectors, filtered by user, symbol, strategy and {@code decidedAt <= asOf}. Lucene itself
 * searches exactly when the filter leaves fewer decisions than the graph search would visit,
 * so small sets are exact. The index is a copy: rebuilt from PostgreSQL at every start
 * ({@link DecisionIndexRebuild}) and fed each decision after its commit. Decisions recorded
 * while it is being rebuilt wait in a queue and are added once the rebuild has read its snapshot.
 */
@ApplicationScoped
public class DecisionIndex {

    /** A neighbour: the decision's id and its squared distance to the probe in z-space. */
    public record Neighbour(long id, double squaredDistance) {
    }

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
    private final Object lock = new Object();
    private final List<IndexedDecision> waiting = new ArrayList<>();
    private final AtomicBoolean unsearched = new AtomicBoolean();
    private final AtomicLong newestDecided = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean ready;
    private boolean building;
    private Path path;
    private FSDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    public DecisionIndex(FeatureSpace space, RecallConfig config) {
        this.space = space;
        this.config = config.index();
    }

    public boolean ready() {
        return ready;
    }

    public long documents() {
        return writer == null ? 0 : writer.getDocStats().numDocs;
    }

    /** Adds a committed decision, now or, during a rebuild, once the rebuild is done. */
    public void add(IndexedDecision decision) {
        synchronized (lock) {
            if (!ready) {
                if (building) {
                    waiting.add(decision);
                }
                return; // no index (a rebuild failed): recall is exact and the next rebuild reads it anyway
            }
        }
        write(decision, false);
    }

    public void remove(long id) {
        try {
            writer.deleteDocuments(DecisionDocuments.id(id));
            unsearched.set(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the index and queues live additions until {@link #endRebuild()}. */
    void beginRebuild() throws IOException {
        synchronized (lock) {
            ready = false;
            building = true;
            if (writer == null) {
                open();
            }
            writer.deleteAll();
            newestDecided.set(Long.MIN_VALUE);
        }
    }

    /** One decision of the rebuild's snapshot. */
    void load(IndexedDecision decision) {
        write(decision, false);
    }

    /** Adds what was recorded during the rebuild (replacing the snapshot's copy, if it has one), then serves. */
    void endRebuild() throws IOException {
        synchronized (lock) {
            for (IndexedDecision decision : waiting) {
                write(decision, true);
            }
            waiting.clear();
            searchers.maybeRefreshBlocking();
            building = false;
            ready = true;
        }
    }

    void abandonRebuild() {
        synchronized (lock) {
            waiting.clear();
            building = false;
        }
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

    private void write(IndexedDecision d, boolean replace) {
        Document doc = DecisionDocuments.of(d, space.vector(d.features()));
        try {
            if (replace) {
                writer.updateDocument(DecisionDocuments.id(d.id()), doc);
            } else {
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        newestDecided.accumulateAndGet(DecisionDocuments.micros(d.decidedAt()), Math::max);
        unsearched.set(true);
    }

    private void open() throws IOException {
        path = config.directory().orElse(Files.createTempDirectory("finagent-recall-index-"));
        Files.createDirectories(path);
        IndexWriterConfig iwc = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(ramBufferMb())
                .setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return new Lucene99HnswVectorsFormat(config.maxConnections(), config.beamWidth());
                    }
                });
        directory = FSDirectory.open(path);
        writer = new IndexWriter(directory, iwc);
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
    }

    /**
     * The configured buffer, at most a quarter of the heap: a rebuild that fits in it makes one
     * segment (one graph to search, no merges afterwards), and a small heap still cannot overflow.
     */
    private double ramBufferMb() {
        return Math.min(config.ramBufferMb(), Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20));
    }

    /** Segments now searchable: each has its own graph, so fewer is faster. */
    public int segments() {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void close(@Observes ShutdownEvent event) throws IOException {
        if (writer != null) {
            searchers.close();
            writer.rollback(); // nothing to keep: the next start rebuilds from PostgreSQL
            directory.close();
            if (config.directory().isEmpty()) {
                try (var files = Files.walk(path)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
