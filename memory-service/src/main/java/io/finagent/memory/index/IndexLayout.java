package io.finagent.memory.index;

import io.finagent.memory.config.RecallConfig;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;

import java.util.Map;

/** How the recall index is laid out on disk: its graph's parameters, its segments, and the fingerprint of both. */
final class IndexLayout {

    private IndexLayout() {
    }

    /** What the stored vectors depend on: another layout means another index. */
    static String of(RecallConfig config) {
        StringBuilder out = new StringBuilder("v1 dims=" + config.index().dimensions() + " m=" + config.index().maxConnections()
                + " beam=" + config.index().beamWidth());
        config.features().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(' ').append(e.getKey()).append('=').append(e.getValue().center()).append('/')
                        .append(e.getValue().scale()));
        return out.toString();
    }

    static IndexWriterConfig writerConfig(RecallConfig.Index config, IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig()
                .setOpenMode(mode)
                .setCommitOnClose(false) // the follower commits with its position; nothing else is durable
                .setRAMBufferSizeMB(ramBufferMb(config))
                .setMergePolicy(fewSegments())
                .setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return new Lucene99HnswVectorsFormat(config.maxConnections(), config.beamWidth());
                    }
                });
    }

    /**
     * Each segment has a graph of its own that every recall searches, so there are few: merged
     * four at a time, and every segment under 64 MB (about 300,000 decisions) counted as 64 MB,
     * so the small ones a commit or a refresh cuts are merged soon instead of piling up in tiers
     * of their own (Lucene's floor is 2 MB; it left 13–16 segments at 1M after an ingest of
     * 200,000). A merge keeps the graph of its largest segment (when it has no deletions) and
     * inserts the others' vectors into it: its cost is theirs. No merge makes a segment over
     * 128 MB, and a segment over 64 MB (the two a rebuild makes at 1M) is merged no more: without
     * that cap one merge took the two and the ingest's small ones into one of 1.2M decisions,
     * a core for minutes, in the middle of an ingest and again on both replicas after a restart.
     */
    private static TieredMergePolicy fewSegments() {
        return new TieredMergePolicy().setSegmentsPerTier(4).setMaxMergeAtOnce(4).setFloorSegmentMB(64).setMaxMergedSegmentMB(128);
    }

    /**
     * The configured buffer, at most a quarter of the heap: a rebuild that fits in it makes one
     * segment (one graph to search, no merges afterwards), and a small heap still cannot overflow.
     */
    private static double ramBufferMb(RecallConfig.Index config) {
        return Math.min(config.ramBufferMb(), Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20));
    }
}
