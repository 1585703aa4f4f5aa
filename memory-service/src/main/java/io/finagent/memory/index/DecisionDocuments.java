package io.finagent.memory.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How a decision is laid out in the recall index, and the filter of a recall over it. */
final class DecisionDocuments {

    static final String ID = "id";
    static final String FEATURES = "features";
    private static final String USER = "user";
    private static final String SYMBOL = "symbol";
    private static final String STRATEGY = "strategy";
    private static final String DECIDED = "decided";

    private DecisionDocuments() {
    }

    static Document of(IndexedDecision d, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(d.id()), Field.Store.NO)); // to replace or delete by id
        doc.add(new NumericDocValuesField(ID, d.id()));                      // to read the id of a hit
        doc.add(new StringField(USER, d.userId(), Field.Store.NO));
        doc.add(new StringField(SYMBOL, d.symbol(), Field.Store.NO));
        doc.add(new StringField(STRATEGY, Long.toString(d.strategyId()), Field.Store.NO));
        doc.add(new LongField(DECIDED, micros(d.decidedAt()), Field.Store.NO));
        doc.add(new KnnFloatVectorField(FEATURES, vector, VectorSimilarityFunction.EUCLIDEAN));
        return doc;
    }

    static Term id(long id) {
        return new Term(ID, Long.toString(id));
    }

    /** The user's decisions, of the symbol and strategy if given, decided by asOf (no range when every decision is). */
    static Query filter(String userId, String symbol, Long strategyId, Instant asOf, long newestDecidedMicros) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(USER, userId)), BooleanClause.Occur.FILTER);
        if (symbol != null) {
            filter.add(new TermQuery(new Term(SYMBOL, symbol)), BooleanClause.Occur.FILTER);
        }
        if (strategyId != null) {
            filter.add(new TermQuery(new Term(STRATEGY, strategyId.toString())), BooleanClause.Occur.FILTER);
        }
        long asOfMicros = micros(asOf);
        if (asOfMicros < newestDecidedMicros) {
            filter.add(LongField.newRangeQuery(DECIDED, Long.MIN_VALUE, asOfMicros), BooleanClause.Occur.FILTER);
        }
        return filter.build();
    }

    /** The latest decidedAt among the reader's decisions (micros), or Long.MIN_VALUE when it has none. */
    static long newestDecided(IndexReader reader) throws IOException {
        long newest = Long.MIN_VALUE;
        for (LeafReaderContext leaf : reader.leaves()) {
            PointValues points = leaf.reader().getPointValues(DECIDED);
            if (points != null && points.size() > 0) {
                newest = Math.max(newest, LongPoint.decodeDimension(points.getMaxPackedValue(), 0));
            }
        }
        return newest;
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }
}
