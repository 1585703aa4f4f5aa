package io.finagent.memory.index;

import io.finagent.memory.service.FeatureSpace;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The two ways to find the nearest decisions in one searcher: the HNSW graph, and every candidate. */
final class NeighbourSearch {

    /** Every query is cached: see {@link #searchers}. */
    private static final QueryCachingPolicy ALWAYS = new QueryCachingPolicy() {
        @Override
        public void onUse(Query query) {
        }

        @Override
        public boolean shouldCache(Query query) {
            return true;
        }
    };

    private NeighbourSearch() {
    }

    /**
     * The searchers of the writer's index. Each keeps every user's (and symbol's) filter as a bit
     * set per segment: the HNSW search needs one per query, and rebuilding it from the postings
     * costs more than the search at 1M.
     */
    static SearcherManager searchers(IndexWriter writer) throws IOException {
        return new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCachingPolicy(ALWAYS);
                return searcher;
            }
        });
    }

    static List<DecisionIndex.Neighbour> graph(IndexSearcher searcher, Query filter, FeatureSpace.Probe probe, int n, int breadth,
                                               int exactBelow) throws IOException {
        TopDocs top = searcher.search(new NearestDecisionsQuery(DecisionDocuments.FEATURES, probe.vector(), Math.max(n, breadth), filter,
                exactBelow), n);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<DecisionIndex.Neighbour> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            NumericDocValues ids = DocValues.getNumeric(leaf.reader(), DecisionDocuments.ID);
            if (ids.advanceExact(hit.doc - leaf.docBase)) {
                // Lucene's EUCLIDEAN score is 1 / (1 + d²)
                out.add(new DecisionIndex.Neighbour(ids.longValue(), 1.0 / hit.score - 1 + probe.outsideSquared()));
            }
        }
        return out;
    }

    static List<DecisionIndex.Neighbour> everyCandidate(IndexSearcher searcher, Query filter, FeatureSpace.Probe probe, int n)
            throws IOException {
        Weight matching = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1);
        PriorityQueue<DecisionIndex.Neighbour> farthestFirst = new PriorityQueue<>(
                Comparator.comparingDouble(DecisionIndex.Neighbour::squaredDistance).reversed());
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer matches = matching.scorer(leaf);
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(DecisionDocuments.FEATURES);
            if (matches == null || vectors == null) {
                continue;
            }
            NumericDocValues ids = DocValues.getNumeric(leaf.reader(), DecisionDocuments.ID);
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator docs = matches.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if ((live == null || live.get(doc)) && vectors.advance(doc) == doc && ids.advanceExact(doc)) {
                    farthestFirst.add(new DecisionIndex.Neighbour(ids.longValue(),
                            VectorUtil.squareDistance(probe.vector(), vectors.vectorValue()) + probe.outsideSquared()));
                    if (farthestFirst.size() > n) {
                        farthestFirst.poll();
                    }
                }
            }
        }
        List<DecisionIndex.Neighbour> out = new ArrayList<>(farthestFirst);
        out.sort(Comparator.comparingDouble(DecisionIndex.Neighbour::squaredDistance));
        return out;
    }
}
