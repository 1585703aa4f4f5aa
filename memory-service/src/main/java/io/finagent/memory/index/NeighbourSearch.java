package io.finagent.memory.index;

import io.finagent.memory.service.FeatureSpace;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
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

    private NeighbourSearch() {
    }

    static List<Neighbour> graph(IndexSearcher searcher, Query filter, FeatureSpace.Probe probe, int n, int breadth,
                                 int exactBelow) throws IOException {
        TopDocs top = searcher.search(new NearestDecisionsQuery(DecisionDocuments.FEATURES, probe.vector(), Math.max(n, breadth), filter,
                exactBelow), n);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Neighbour> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            NumericDocValues ids = DocValues.getNumeric(leaf.reader(), DecisionDocuments.ID);
            if (ids.advanceExact(hit.doc - leaf.docBase)) {
                // Lucene's EUCLIDEAN score is 1 / (1 + d²)
                out.add(new Neighbour(ids.longValue(), 1.0 / hit.score - 1 + probe.outsideSquared()));
            }
        }
        return out;
    }

    static List<Neighbour> everyCandidate(IndexSearcher searcher, Query filter, FeatureSpace.Probe probe, int n)
            throws IOException {
        Weight matching = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1);
        PriorityQueue<Neighbour> farthestFirst = new PriorityQueue<>(
                Comparator.comparingDouble(Neighbour::squaredDistance).reversed());
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
                    farthestFirst.add(new Neighbour(ids.longValue(),
                            VectorUtil.squareDistance(probe.vector(), vectors.vectorValue()) + probe.outsideSquared()));
                    if (farthestFirst.size() > n) {
                        farthestFirst.poll();
                    }
                }
            }
        }
        List<Neighbour> out = new ArrayList<>(farthestFirst);
        out.sort(Comparator.comparingDouble(Neighbour::squaredDistance));
        return out;
    }
}
