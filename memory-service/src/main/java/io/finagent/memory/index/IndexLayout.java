package io.finagent.memory.index;

import io.finagent.memory.config.RecallConfig;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.IndexWriterConfig;

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
                .setMergePolicy(new SegmentMerges())
                // a refresh never waits for merges: by default it waits up to 500 ms for the tiered merges of
                // segments under the floor (64 MB here, so all the small ones), and a recall that reads its
                // writes refreshes first (found by the two-replica bench: recalls of 500 ms on replica B)
                .setMaxFullFlushMergeWaitMillis(0)
                .setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return new Lucene99HnswVectorsFormat(config.maxConnections(), config.beamWidth());
                    }
                });
    }

    /**
     * The configured buffer, at most a quarter of the heap: a rebuild that fits in it makes one
     * segment (one graph to search, no merges afterwards), and a small heap still cannot overflow.
     */
    private static double ramBufferMb(RecallConfig.Index config) {
        return Math.min(config.ramBufferMb(), Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20));
    }
}
