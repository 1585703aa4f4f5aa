package io.finagent.memory.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.config.RecallConfig;
import io.finagent.memory.config.RecallConfigs;
import io.finagent.memory.service.FeatureSpace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HNSW index on its own (Lucene is a library: nothing to mock), at a size where the graph matters. */
class DecisionIndexTest {

    private static final String[] NAMES = {"ret_1d", "ret_5d", "ret_20d", "volatility_20d", "rsi_14", "volume_ratio"};
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Every filtered search through the graph, as at 1M decisions: this test is about the graph. */
    private final RecallConfig config = config("0");
    private final FeatureSpace space = new FeatureSpace(config);
    private final DecisionIndex index = new DecisionIndex(space, config, new ObjectMapper());
    private final Random random = new Random(42);

    @BeforeEach
    void open() throws Exception {
        assertTrue(index.open("db-1").isEmpty(), "a new folder holds nothing to follow");
        index.clear();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private void ready() throws Exception {
        index.refresh();
        index.state(IndexState.READY);
    }

    @Test
    void theGraphFindsWhatAnExactScanFinds() throws Exception {
        for (int i = 0; i < 30_000; i++) {
            index.load(decision(i, i % 2 == 0 ? "ann" : "bob", randomFeatures()));
        }
        ready();
        int found = 0;
        int queries = 50;
        for (int q = 0; q < queries; q++) {
            FeatureSpace.Probe probe = space.probe(randomFeatures());
            Set<Long> exact = ids(index.nearestExactly("ann", null, null, T0.plusSeconds(40_000), probe, 10));
            Set<Long> approximate = ids(index.nearest("ann", null, null, T0.plusSeconds(40_000), probe, 10));
            assertEquals(10, exact.size());
            assertTrue(exact.stream().allMatch(id -> id % 2 == 0), "only ann's decisions");
            approximate.retainAll(exact);
            found += approximate.size();
        }
        double recallAt10 = found / (10.0 * queries);
        assertTrue(recallAt10 >= 0.95, "recall@10 = " + recallAt10);
    }

    @Test
    void aFilterLeavingFewDecisionsComparesTheProbeWithEachOfThem() throws Exception {
        RecallConfig byDefault = config("50000");
        FeatureSpace itsSpace = new FeatureSpace(byDefault);
        DecisionIndex few = new DecisionIndex(itsSpace, byDefault, new ObjectMapper());
        few.open("db-1");
        few.clear();
        try {
            for (int i = 0; i < 30_000; i++) {
                few.load(new IndexedDecision(i, i % 2 == 0 ? "ann" : "bob", "SYM" + i % 10, 1, T0.plusSeconds(i), randomFeatures()));
            }
            few.refresh();
            few.state(IndexState.READY);
            for (int q = 0; q < 50; q++) {
                FeatureSpace.Probe probe = itsSpace.probe(randomFeatures());
                String symbol = q % 2 == 0 ? "SYM4" : null; // ann's 1,500 of a symbol, or all her 15,000: both below 50,000
                List<Neighbour> found = few.nearest("ann", symbol, null, T0.plusSeconds(40_000), probe, 10);
                List<Neighbour> exact = few.nearestExactly("ann", symbol, null, T0.plusSeconds(40_000), probe, 10);
                assertEquals(exact.stream().map(Neighbour::id).toList(), found.stream().map(Neighbour::id).toList(),
                        "query " + q + ": the exact nearest, in order");
                for (int i = 0; i < exact.size(); i++) {
                    assertEquals(exact.get(i).squaredDistance(), found.get(i).squaredDistance(), 1e-3);
                }
            }
        } finally {
            few.close();
        }
    }

    @Test
    void filtersBySymbolStrategyAndAsOfAndReportsTheDistance() throws Exception {
        Map<String, Double> here = Map.of("rsi_14", 70.0);
        index.load(new IndexedDecision(1, "ann", "SPY", 5, T0, here));
        index.load(new IndexedDecision(2, "ann", "QQQ", 5, T0, here));
        index.load(new IndexedDecision(3, "ann", "SPY", 6, T0, here));
        index.load(new IndexedDecision(4, "ann", "SPY", 5, T0.plusSeconds(60), here));
        ready();
        index.add(new IndexedDecision(5, "ann", "SPY", 5, T0, Map.of("rsi_14", 20.0))); // live, after the rebuild

        FeatureSpace.Probe probe = space.probe(Map.of("rsi_14", 70.0, "brand_new", 3.0));
        List<Neighbour> near = index.nearest("ann", "SPY", 5L, T0.plusSeconds(30), probe, 10);
        assertEquals(List.of(1L, 5L), near.stream().map(Neighbour::id).toList());
        // raw scale (no configured centre/scale): d² = 0 + 3² for the unknown feature, then 50² + 3²
        assertEquals(9.0, near.get(0).squaredDistance(), 1e-3);
        assertEquals(2509.0, near.get(1).squaredDistance(), 1e-1);
        assertEquals(near.stream().map(Neighbour::id).toList(),
                index.nearestExactly("ann", "SPY", 5L, T0.plusSeconds(30), probe, 10).stream().map(Neighbour::id).toList());
    }

    @Test
    void aDecisionAddedByTheFeedAndByThisReplicaIsThereOnceAndARemovalTakesItOut() throws Exception {
        index.load(new IndexedDecision(1, "ann", "SPY", 5, T0, Map.of("rsi_14", 1.0)));
        index.add(new IndexedDecision(2, "ann", "SPY", 5, T0, Map.of("rsi_14", 2.0))); // building: the feed brings it later
        ready();
        index.add(new IndexedDecision(2, "ann", "SPY", 5, T0, Map.of("rsi_14", 2.0)));
        assertFalse(index.claim(2), "this replica's call claimed it first: the feed passes it by");
        assertTrue(index.claim(3), "the feed got there first");
        assertTrue(index.write(new IndexedDecision(3, "ann", "SPY", 5, T0, Map.of("rsi_14", 3.0)), false));
        index.add(new IndexedDecision(3, "ann", "SPY", 5, T0, Map.of("rsi_14", 3.0)));
        FeedCursor feed = new FeedCursor(1);
        index.advance(feed, () -> feed.advance(List.of(), List.of(2L, 3L), 10, 10));
        index.add(new IndexedDecision(3, "ann", "SPY", 5, T0, Map.of("rsi_14", 3.0))); // late: the feed has passed it
        // catching up, a decision the last commit already holds is replaced, not doubled
        assertTrue(index.write(new IndexedDecision(1, "ann", "SPY", 5, T0, Map.of("rsi_14", 1.0)), true));
        assertEquals(List.of(1L, 2L, 3L), index.nearest("ann", null, null, T0, space.probe(Map.of("rsi_14", 1.0)), 10)
                .stream().map(Neighbour::id).toList());
        assertEquals(3, index.documentsNow());
        index.remove(2);
        assertEquals(List.of(1L, 3L), index.nearest("ann", null, null, T0, space.probe(Map.of("rsi_14", 1.0)), 10)
                .stream().map(Neighbour::id).toList());
    }

    @Test
    void theSmallSegmentsAnIngestLeftAreMergedIntoOneWhenAskedAndThenSearched() throws Exception {
        ready();
        for (int batch = 0; batch < 4; batch++) {
            for (int i = 0; i < 500; i++) {
                index.add(decision(batch * 500L + i, "ann", randomFeatures()));
            }
            index.refresh(); // as a recall during an ingest does: each cuts a segment
        }
        assertEquals(4, index.segments(), "four small segments are under the tiered policy's count");
        FeatureSpace.Probe probe = space.probe(randomFeatures());
        List<Neighbour> before = index.nearestExactly("ann", null, null, T0.plusSeconds(9_999), probe, 10);
        index.mergeSmallSegments();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // a bound on a background merge, not a speed
        while (index.segments() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            index.refreshAfterMerges();
        }
        assertEquals(1, index.segments(), "merged into one and searchable without a write");
        assertEquals(2000, index.documents());
        assertEquals(before, index.nearestExactly("ann", null, null, T0.plusSeconds(9_999), probe, 10));
        index.mergeSmallSegments(); // one segment: nothing to merge
        index.refreshAfterMerges();
        assertEquals(1, index.segments());
    }

    @Test
    void aRowItCannotIndexIsSkippedAndReportedAndTheRestIsIndexed() throws Exception {
        index.load(new IndexedDecision(1, "ann", "SPY", 5, T0, Map.of("rsi_14", Double.POSITIVE_INFINITY)));
        index.load(new IndexedDecision(2, "ann", "SPY", 5, Instant.MAX, Map.of("rsi_14", 1.0)));
        index.load(new IndexedDecision(3, "ann", "SPY", 5, T0, Map.of("rsi_14", 1.0)));
        ready();
        assertEquals(List.of(1L, 2L), index.skipped().stream().map(SkippedDecision::id).toList());
        assertEquals(2, index.skippedTotal());
        assertEquals(List.of(3L), index.nearest("ann", null, null, T0, space.probe(Map.of("rsi_14", 1.0)), 10)
                .stream().map(Neighbour::id).toList());
    }

    @Test
    void aCommittedIndexOpensAgainWithItsPositionSlotsAndDecisions() throws Exception {
        RecallConfig durable = durable();
        FeatureSpace first = new FeatureSpace(durable);
        DecisionIndex before = new DecisionIndex(first, durable, new ObjectMapper());
        assertTrue(before.open("db-1").isEmpty());
        before.clear();
        before.load(new IndexedDecision(1, "ann", "SPY", 5, T0, Map.of("volume_ratio", 3.0)));
        before.load(new IndexedDecision(2, "ann", "SPY", 5, T0, Map.of("rsi_14", 70.0)));
        FeedCursor decisions = new FeedCursor(2);
        decisions.advance(List.of(), List.of(5L), 10, 12); // 3 and 4 are gaps
        assertTrue(before.changedSinceCommit());
        before.commit(new FeedPosition(decisions, new FeedCursor(7), 3));
        assertFalse(before.changedSinceCommit());
        before.load(new IndexedDecision(9, "ann", "SPY", 5, T0, Map.of("rsi_14", 1.0))); // not committed: a crash loses it
        assertTrue(before.changedSinceCommit());
        before.close();

        FeatureSpace second = new FeatureSpace(durable); // a new process: slots come from the index, in its order
        DecisionIndex after = new DecisionIndex(second, durable, new ObjectMapper());
        FeedPosition position = after.open("db-1").orElseThrow();
        assertEquals("5,3-4:-1;7;3", position.encode());
        assertEquals(Map.of("volume_ratio", 0, "rsi_14", 1), second.slots());
        after.refresh();
        after.state(IndexState.READY);
        assertEquals(2, after.documentsNow());
        assertEquals(List.of(2L, 1L), after.nearest("ann", null, null, T0, second.probe(Map.of("rsi_14", 70.0)), 10)
                .stream().map(Neighbour::id).toList());
        after.close();

        DecisionIndex elsewhere = new DecisionIndex(new FeatureSpace(durable), durable, new ObjectMapper());
        assertTrue(elsewhere.open("db-2").isEmpty(), "an index of another database is not followed");
        elsewhere.close();
    }

    /**
     * The follower commits in the background ({@link IndexCommits}) and goes on reading meanwhile: the
     * commit records the position as it was when the commit was asked, not where the follower has
     * moved it since, and holds every decision up to it.
     */
    @Test
    void aCommitInTheBackgroundRecordsThePositionItWasAskedWith() throws Exception {
        RecallConfig durable = durable();
        DecisionIndex before = new DecisionIndex(new FeatureSpace(durable), durable, new ObjectMapper());
        assertTrue(before.open("db-1").isEmpty());
        before.clear();
        for (int i = 1; i <= 5_000; i++) {
            before.load(decision(i, "ann", randomFeatures()));
        }
        FeedCursor decisions = new FeedCursor(5_000);
        FeedPosition asked = new FeedPosition(decisions, new FeedCursor(0), 0);
        String expected = asked.encode();
        IndexCommits commits = new IndexCommits(before);
        assertTrue(commits.start(asked));
        decisions.advance(List.of(), List.of(5_001L), 1, 2); // the follower moves on while the commit runs
        before.load(decision(5_001, "ann", randomFeatures()));
        commits.close();
        before.close(); // without a commit of its own: what kill -9 leaves

        DecisionIndex after = new DecisionIndex(new FeatureSpace(durable), durable, new ObjectMapper());
        assertEquals(expected, after.open("db-1").orElseThrow().encode());
        after.refresh();
        after.state(IndexState.READY);
        long kept = after.documentsNow();
        assertTrue(kept == 5_000 || kept == 5_001, "every decision up to the position, and perhaps the one added during the commit: " + kept);
        after.close();
    }

    private static RecallConfig durable() throws IOException {
        Path kept = Files.createTempDirectory("recall-index-test-");
        return RecallConfigs.with("finagent.recall.index.dimensions", "8", "finagent.recall.index.directory", kept.toString());
    }

    private static RecallConfig config(String exactBelow) {
        return RecallConfigs.with("finagent.recall.index.dimensions", "8", "finagent.recall.index.exact-below", exactBelow);
    }

    private IndexedDecision decision(long id, String user, Map<String, Double> features) {
        return new IndexedDecision(id, user, "SPY", 1, T0.plusSeconds(id), features);
    }

    private Map<String, Double> randomFeatures() {
        Map<String, Double> f = new HashMap<>();
        for (String name : NAMES) {
            f.put(name, random.nextGaussian());
        }
        return f;
    }

    private static Set<Long> ids(List<Neighbour> neighbours) {
        Set<Long> out = new HashSet<>();
        neighbours.forEach(n -> out.add(n.id()));
        return out;
    }
}
