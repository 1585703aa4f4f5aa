package io.finagent.platform.batching;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchesTest {

    @Test
    void aLoneItemGoesAtOnceAndWhatArrivesMeanwhileGoesInTheNextBatch() {
        List<List<Integer>> sent = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> open = new ArrayList<>();
        Batches<Integer> batches = new Batches<>(3, 1, batch -> {
            sent.add(batch);
            CompletableFuture<Void> done = new CompletableFuture<>();
            open.add(done);
            return Uni.createFrom().completionStage(done);
        });
        batches.add(1);                       // nothing in flight: sent alone, at once
        assertEquals(List.of(List.of(1)), sent);
        for (int i = 2; i <= 6; i++) {
            batches.add(i);                   // one batch in flight: these wait
        }
        assertEquals(1, sent.size());
        open.get(0).complete(null);           // done: the next batch takes at most 3 of them
        assertEquals(List.of(2, 3, 4), sent.get(1));
        open.get(1).completeExceptionally(new IllegalStateException("a failed batch still frees its slot"));
        assertEquals(List.of(5, 6), sent.get(2));
    }
}
