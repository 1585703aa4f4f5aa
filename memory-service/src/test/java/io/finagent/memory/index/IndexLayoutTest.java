package io.finagent.memory.index;

import io.finagent.memory.config.RecallConfigs;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The recall index's writer, as memory-service configures it. */
class IndexLayoutTest {

    /**
     * A recall that reads its writes refreshes first. Lucene's default lets a refresh (and a commit)
     * wait up to 500 ms for the merges its merge policy proposes on a full flush, which for this
     * index's floor of 64 MB are the merges of all the small segments an ingest cuts: replica B's
     * recalls took 200-500 ms under the bench's ingest on A. Lucene asks the policy for those merges
     * only when it would wait for them, so none may be asked for.
     */
    @Test
    void aRefreshOrACommitNeverWaitsForMerges() throws IOException {
        IndexWriterConfig config = IndexLayout.writerConfig(RecallConfigs.with().index(), IndexWriterConfig.OpenMode.CREATE);
        List<MergeTrigger> waitedFor = new CopyOnWriteArrayList<>();
        config.setMergePolicy(new FilterMergePolicy(config.getMergePolicy()) {
            @Override
            public MergeSpecification findFullFlushMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
                    throws IOException {
                waitedFor.add(trigger);
                return super.findFullFlushMerges(trigger, infos, context);
            }
        });
        try (Directory directory = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < 20; i++) {
                writer.addDocument(List.of(new StringField("id", Integer.toString(i), Field.Store.NO)));
                DirectoryReader.open(writer).close(); // a refresh: one more segment of one decision
            }
            writer.commit();
        }
        assertEquals(List.of(), waitedFor);
    }
}
