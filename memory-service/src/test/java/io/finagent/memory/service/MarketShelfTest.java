package io.finagent.memory.service;

import io.finagent.memory.config.RecallConfigs;
import io.finagent.memory.domain.Wilson;
import io.finagent.memory.repository.MarketRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shelf ranks exactly as comparing the stored features one by one would, whatever names each row uses. */
class MarketShelfTest {

    /** The configured features, one no row has but queries do, and one only some rows have. */
    private static final String[] NAMES = {"ret_1d", "ret_5d", "ret_20d", "volatility_20d", "rsi_14", "volume_ratio", "breadth", "skew"};
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final FeatureSpace space = new FeatureSpace(RecallConfigs.with());
    private final Random random = new Random(20261204);

    @Test
    void theBestOfAShelfBuiltInStepsAreTheNearestByTheStoredFeatures() {
        List<MarketRows.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            rows.add(new MarketRows.Row(i, i, features(i < 1500 ? 6 : 8), i % 7 == 0 ? "AAPL" : "MSFT", null, null, T0.plusSeconds(i), 1, 0, 1));
        }
        MarketShelf shelf = MarketShelf.EMPTY
                .with(new MarketRows.Changes(1000, 0, true, rows.subList(0, 1000), null), space)
                .with(new MarketRows.Changes(3000, 0, false, rows.subList(900, 3000), null), space); // overlapping news: taken once
        assertEquals(3000, shelf.size());
        for (int q = 0; q < 20; q++) {
            Map<String, Double> query = features(8);
            Instant asOf = T0.plusSeconds(500 + random.nextInt(2500));
            List<Long> best = shelf.best(new MarketShelf.Ask(query, asOf, "AAPL", null, false, null, false, null, false), space, 10);
            List<Long> expected = rows.stream()
                    .filter(r -> !r.at().isAfter(asOf) && "AAPL".equals(r.symbol()))
                    .sorted(Comparator.comparingDouble((MarketRows.Row r) -> space.similarity(query, r.features())).reversed())
                    .limit(10).map(MarketRows.Row::id).toList();
            assertEquals(expected, best);
        }
    }

    @Test
    void lessonsRankByDecayedRelevanceTimesSimilarityTimesEvidenceAndRowsOfNoSymbolHoldForAll() {
        for (Duration halfLife : List.of(Duration.ofDays(30), Duration.ofHours(2))) { // the second: most rows are cut by age alone
            lessonsRank(halfLife);
        }
    }

    private void lessonsRank(Duration halfLife) {
        List<MarketRows.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            rows.add(new MarketRows.Row(i, i, i % 10 == 0 ? Map.of() : features(6), i % 3 == 0 ? null : i % 3 == 1 ? "AAPL" : "MSFT",
                    i % 4 == 0 ? null : (long) (i % 4), i % 2 == 0 ? "FEEDBACK" : "DECISION", T0.plus(i, ChronoUnit.HOURS), 0.5 + (i % 5) / 10.0, 0,
                    Wilson.evidence(i % 9 / 2, i % 9)));
        }
        MarketShelf shelf = MarketShelf.EMPTY.with(new MarketRows.Changes(2000, 0, true, rows, null), space);
        Map<String, Double> query = features(6);
        Instant asOf = T0.plus(1500, ChronoUnit.HOURS).plusMillis(1500);
        List<Long> best = shelf.best(new MarketShelf.Ask(query, asOf, "AAPL", 2L, true, Set.of("FEEDBACK"), true, halfLife, true), space, 25);
        List<Long> expected = rows.stream()
                .filter(r -> !r.at().isAfter(asOf) && "FEEDBACK".equals(r.type()) && (r.symbol() == null || r.symbol().equals("AAPL"))
                        && (r.strategyId() == null || r.strategyId() == 2L))
                .sorted(Comparator.comparingDouble((MarketRows.Row r) -> r.relevance()
                                * Math.pow(0.5, Duration.between(r.at(), asOf).toSeconds() / (double) halfLife.toSeconds())
                                * (r.features().isEmpty() ? 1 : space.similarity(query, r.features())) * r.evidence()).reversed()
                        .thenComparing(MarketRows.Row::id, Comparator.reverseOrder()))
                .limit(25).map(MarketRows.Row::id).toList();
        assertEquals(expected, best);
        assertTrue(expected.stream().anyMatch(id -> rows.get((int) (id - 1)).symbol() == null), "rows of no symbol are among them");
        // as of an earlier instant, the evidence then of the lessons credited since (half of them here), the rest's as now
        Map<Long, MarketRows.Record> then = new HashMap<>();
        rows.stream().filter(r -> r.id() % 4 == 0).forEach(r -> then.put(r.id(), new MarketRows.Record(0, 0, Wilson.evidence(0, r.id() % 9))));
        List<Long> bestThen = shelf.best(new MarketShelf.Ask(query, asOf, "AAPL", 2L, true, Set.of("FEEDBACK"), true, halfLife, true), space, 25,
                new MarketRows.Records(then, false));
        List<Long> expectedThen = rows.stream()
                .filter(r -> !r.at().isAfter(asOf) && "FEEDBACK".equals(r.type()) && (r.symbol() == null || r.symbol().equals("AAPL"))
                        && (r.strategyId() == null || r.strategyId() == 2L))
                .sorted(Comparator.comparingDouble((MarketRows.Row r) -> r.relevance()
                                * Math.pow(0.5, Duration.between(r.at(), asOf).toSeconds() / (double) halfLife.toSeconds())
                                * (r.features().isEmpty() ? 1 : space.similarity(query, r.features()))
                                * (then.containsKey(r.id()) ? then.get(r.id()).evidence() : r.evidence())).reversed()
                        .thenComparing(MarketRows.Row::id, Comparator.reverseOrder()))
                .limit(25).map(MarketRows.Row::id).toList();
        assertEquals(expectedThen, bestThen);
        assertNotEquals(expected, expectedThen, "the evidence then changes the ranking");
    }

    @Test
    void aPatternReadAgainTakesThePlaceOfItsFormerRowAndRecordsOfAnEarlierInstantReplaceThePresentOnes() {
        Map<String, Double> market = features(6);
        List<MarketRows.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            rows.add(new MarketRows.Row(i, i, market, null, null, "BREAKOUT", T0, 0.5, i, 1));
        }
        MarketShelf shelf = MarketShelf.EMPTY.with(new MarketRows.Changes(50, 0, true, rows, T0), space);
        MarketShelf.Ask ask = new MarketShelf.Ask(market, T0, null, null, true, null, true, null, false);
        assertEquals(List.of(50L, 49L), shelf.best(ask, space, 2), "equal confidence: more occurrences first");
        MarketShelf credited = shelf.with(new MarketRows.Changes(51, 0, false,
                List.of(new MarketRows.Row(7, 51, market, null, null, "BREAKOUT", T0, 0.9, 8, 1)), T0), space);
        assertEquals(50, credited.size());
        assertEquals(List.of(7L, 50L), credited.best(ask, space, 2));
        assertEquals(List.of(3L, 9L), credited.best(ask, space, 5, new MarketRows.Records(Map.of(9L, new MarketRows.Record(0.6, 1, 1), 3L, new MarketRows.Record(0.7, 1, 1)), true)),
                "as of an earlier instant: only the patterns known then, with their record then");
    }

    @Test
    void changesReadBeforeWhatTheShelfHoldsLeaveItAsItIs() {
        MarketShelf shelf = MarketShelf.EMPTY.with(new MarketRows.Changes(5, 2, true, List.of(
                new MarketRows.Row(1, 5, features(3), "SPY", null, null, T0, 1, 0, 1)), null), space);
        assertSame(shelf, shelf.with(new MarketRows.Changes(4, 2, false, List.of(), null), space));
        assertSame(shelf, shelf.with(new MarketRows.Changes(9, 1, true, List.of(), null), space)); // of before a restore the shelf saw
        assertEquals(0, shelf.with(new MarketRows.Changes(6, 3, true, List.of(), null), space).size());
    }

    /** About four in five of the first {@code names} names, each a standard normal. */
    private Map<String, Double> features(int names) {
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < names; i++) {
            if (random.nextInt(5) > 0) {
                out.put(NAMES[i], random.nextGaussian());
            }
        }
        return out;
    }
}
