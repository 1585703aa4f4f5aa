package io.finagent.memory.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The searchers of the index's writer. A recall reads every write made before it: it refreshes
 * first, but only when something was written since the last refresh, so that health checks and
 * metrics, which do not ask to read writes, never cut a segment.
 */
final class IndexSearchers implements Closeable {

    /** What is done with one searcher. */
    interface Search<T> {
        T in(IndexSearcher searcher) throws IOException;
    }

    /** Every query is cached: see the constructor. */
    private static final QueryCachingPolicy ALWAYS = new QueryCachingPolicy() {
        @Override
        public void onUse(Query query) {
        }

        @Override
        public boolean shouldCache(Query query) {
            return true;
        }
    };

    private final SearcherManager manager;
    private final AtomicBoolean unsearched = new AtomicBoolean();

    /**
     * Each searcher keeps every user's (and symbol's) filter as a bit set per segment: the HNSW
     * search needs one per query, and rebuilding it from the postings costs more than the search at 1M.
     */
    IndexSearchers(IndexWriter writer) throws IOException {
        manager = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCachingPolicy(ALWAYS);
                return searcher;
            }
        });
    }

    /** Something was written or removed: the next search that reads writes refreshes first. */
    void written() {
        unsearched.set(true);
    }

    <T> T search(boolean readWrites, Search<T> search) {
        try {
            if (readWrites && unsearched.getAndSet(false)) {
                manager.maybeRefreshBlocking(); // read your writes: a recall sees every recorded decision
            }
            IndexSearcher searcher = manager.acquire();
            try {
                return search.in(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was written searchable now (a rebuild's end, a poll's). */
    void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    /** The same if no other thread is refreshing: for what no recall waits on (a finished merge). */
    void refreshUnlessBusy() throws IOException {
        manager.maybeRefresh();
    }

    @Override
    public void close() throws IOException {
        manager.close();
    }
}
