package io.finagent.memory.index;

import io.finagent.memory.repository.DecisionRow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The threads of a rebuild that insert rows into the graph, fed by the one that reads them: a
 * bounded queue between, so reading never runs far ahead of indexing (nor fills the heap).
 */
final class Loaders implements AutoCloseable {

    private static final DecisionRow END = new DecisionRow(-1, null, null);

    private final BlockingQueue<DecisionRow> rows = new ArrayBlockingQueue<>(10_000);
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    Loaders(int threads, Consumer<DecisionRow> load) {
        pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "recall-index-load"));
        for (int i = 0; i < threads; i++) {
            running.add(pool.submit(() -> {
                for (DecisionRow row = rows.take(); row != END; row = rows.take()) {
                    load.accept(row);
                }
                return null;
            }));
        }
    }

    /** Hands a row to the loaders; fails at once if one of them failed. */
    void put(DecisionRow row) {
        try {
            while (!rows.offer(row, 1, TimeUnit.SECONDS)) {
                for (Future<?> loader : running) {
                    if (loader.isDone()) {
                        loader.get(); // throws its failure; a loader ends early only by failing
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("recall index: a loader failed", e.getCause());
        }
    }

    /** Waits until every row handed over is in the index. */
    void finish() throws InterruptedException {
        for (int i = 0; i < running.size(); i++) {
            rows.put(END);
        }
        for (Future<?> loader : running) {
            try {
                loader.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("recall index: a loader failed", e.getCause());
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
