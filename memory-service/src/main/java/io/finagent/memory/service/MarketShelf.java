package io.finagent.memory.service;

import io.finagent.memory.repository.MarketRows;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The markets of one user's lessons or episodes as a replica holds them, column by column (ids,
 * instants, symbols, z-values over the feature names this user's rows use): a market is compared
 * with 100,000 of them in one sequential pass, where a list of objects spent its time on cache
 * misses. Immutable: news make a new shelf.
 */
public final class MarketShelf {

    /**
     * What a call asks: rows at or before {@code asOf}; of the symbol and strategy when given (null:
     * any), a row of none holding for every one when {@code noneHoldsForAll}; of these types (null:
     * any). Scored by similarity to {@code market} (episodes), or {@code byRelevance}: the row's
     * relevance (a lesson's score halved every {@code halfLife} up to asOf, a pattern's confidence)
     * times the similarity, 1 when the row or the market names no feature; {@code byEvidence}: times
     * the row's evidence too (a lesson's).
     */
    public record Ask(Map<String, Double> market, Instant asOf, String symbol, Long strategyId, boolean noneHoldsForAll,
                      Set<String> types, boolean byRelevance, Duration halfLife, boolean byEvidence) {
    }

    /**
     * Beyond the k a call wants, how many more of the shelf's best it reads back: the shelf's sums and
     * those over the stored features may differ in the last digit, so the rows are ranked again from PostgreSQL.
     */
    public static final int MARGIN = 16;

    static final MarketShelf EMPTY = new MarketShelf(-1, -1, null, Map.of(), 0, new long[0], new long[0], new int[0], new int[0],
            new long[0], new String[0], new String[0], new double[0], new long[0], new double[0], new boolean[0], new double[0]);
    private static final long NONE = Long.MIN_VALUE;
    /** An asked symbol: any, or one no row has. */
    private static final int ANY = -2;
    private static final int UNKNOWN = -3;

    private final long generation;
    private final long restore;
    private final Instant newest;
    private final Map<String, Integer> slots;
    private final int size;
    private final long[] ids;
    private final long[] atMicros;
    /** Index in {@link #symbolNames}, -1 for none; a row's memory type likewise in {@link #typeNames}. */
    private final int[] symbols;
    private final int[] types;
    private final long[] strategies;
    private final String[] symbolNames;
    private final String[] typeNames;
    private final double[] relevance;
    private final long[] occurrences;
    private final double[] evidence;
    private final boolean[] featured;
    private final double highestRelevance;
    /** size × slots.size(), row after row; 0 where a row lacks the feature (its centre). */
    private final double[] z;

    private MarketShelf(long generation, long restore, Instant newest, Map<String, Integer> slots, int size, long[] ids,
                        long[] atMicros, int[] symbols, int[] types, long[] strategies, String[] symbolNames, String[] typeNames,
                        double[] relevance, long[] occurrences, double[] evidence, boolean[] featured, double[] z) {
        this.generation = generation;
        this.restore = restore;
        this.newest = newest;
        this.occurrences = occurrences;
        this.evidence = evidence;
        this.slots = slots;
        this.size = size;
        this.ids = ids;
        this.atMicros = atMicros;
        this.symbols = symbols;
        this.types = types;
        this.strategies = strategies;
        this.symbolNames = symbolNames;
        this.typeNames = typeNames;
        this.relevance = relevance;
        this.featured = featured;
        this.z = z;
        double highest = 0;
        for (int i = 0; i < size; i++) {
            highest = Math.max(highest, relevance[i]);
        }
        this.highestRelevance = highest;
    }

    long generation() {
        return generation;
    }

    long restore() {
        return restore;
    }

    public int size() {
        return size;
    }

    /** Patterns and lessons: the latest instant a record changed at when this shelf was read (null: none). */
    public Instant newest() {
        return newest;
    }

    /** This shelf with the changes read after it; itself when it is already as new (another call brought them). */
    MarketShelf with(MarketRows.Changes changes, FeatureSpace space) {
        if (changes.restore() < restore || changes.restore() == restore && changes.generation() <= generation) {
            return this;
        }
        List<MarketRows.Row> rows = changes.all() ? changes.rows()
                : changes.rows().stream().filter(r -> r.generation() > generation).toList();
        return new Builder(changes.all() ? EMPTY : this, rows.size()).add(rows, space)
                .build(changes.generation(), changes.restore(), changes.newest());
    }

    /** The ids of the {@code n} rows that hold of highest score, best first (equal scores: more occurrences, then the newest id). */
    public List<Long> best(Ask ask, FeatureSpace space, int n) {
        return best(ask, space, n, null);
    }

    /** The same, with the records of {@code asOf} in place of the present ones. */
    public List<Long> best(Ask ask, FeatureSpace space, int n, MarketRows.Records then) {
        Map<Long, MarketRows.Record> records = then == null ? null : then.byId();
        boolean complete = then != null && then.complete();
        int width = slots.size();
        double[] q = new double[width];
        double outside = 0; // names no row has: every row sits at their centre
        for (Map.Entry<String, Double> feature : ask.market().entrySet()) {
            double zq = space.z(feature.getKey(), feature.getValue());
            Integer slot = slots.get(feature.getKey());
            if (slot != null) {
                q[slot] = zq;
            } else {
                outside += zq * zq;
            }
        }
        long asOf = micros(ask.asOf());
        int known = ask.symbol() == null ? -1 : Arrays.asList(symbolNames).indexOf(ask.symbol());
        int symbol = ask.symbol() == null ? ANY : known < 0 ? UNKNOWN : known;
        long strategy = ask.strategyId() == null ? NONE : ask.strategyId();
        boolean[] typeHolds = new boolean[typeNames.length];
        for (int t = 0; t < typeNames.length; t++) {
            typeHolds[t] = ask.types() == null || ask.types().contains(typeNames[t]);
        }
        double halfLifeSeconds = ask.halfLife() == null ? 0 : ask.halfLife().toSeconds();
        int querySize = ask.market().size();
        TopRows kept = new TopRows(n);
        // newest first: rows come in the order they were written, and with relevance decaying
        // from learnedAt, an old row is then mostly below the worst kept (one comparison)
        double keptFloor = Double.NaN;
        long oldestUseful = Long.MIN_VALUE; // with decay: a row learned before it scores below the worst kept
        for (int i = size - 1; i >= 0; i--) {
            if (halfLifeSeconds > 0 && kept.full() && kept.floor() != keptFloor) {
                keptFloor = kept.floor();
                // similarity and evidence at most 1, so score <= highestRelevance * 0.5^(age / halfLife),
                // < floor once age > halfLife * log2(highestRelevance / floor)
                double age = halfLifeSeconds * (Math.log(highestRelevance / keptFloor) / Math.log(2)) + 1;
                oldestUseful = keptFloor > 0 && age < Long.MAX_VALUE / 2_000_000.0 ? asOf - (long) (age * 1_000_000) - 1_000_000 : Long.MIN_VALUE;
            }
            MarketRows.Record record = records == null ? null : records.get(ids[i]);
            if (complete && record == null || atMicros[i] < oldestUseful || atMicros[i] > asOf
                    || symbol != ANY && symbols[i] != symbol && !(ask.noneHoldsForAll() && symbols[i] == -1)
                    || strategy != NONE && strategies[i] != strategy && !(ask.noneHoldsForAll() && strategies[i] == NONE)
                    || types[i] >= 0 && !typeHolds[types[i]]) {
                continue;
            }
            double score;
            if (ask.byRelevance() && (querySize == 0 || !featured[i])) {
                score = 1;
            } else {
                double squared = outside;
                for (int s = 0, row = i * width; s < width; s++) {
                    double d = q[s] - z[row + s];
                    squared += d * d;
                }
                score = FeatureSpace.similarity(squared, querySize);
            }
            if (halfLifeSeconds > 0) {
                // whole seconds, as Duration.between(learnedAt, asOf).toSeconds()
                long seconds = Math.floorDiv(asOf - atMicros[i], 1_000_000L);
                score *= relevance[i] * Math.pow(0.5, seconds / halfLifeSeconds);
            } else if (ask.byRelevance()) {
                score *= record == null ? relevance[i] : record.relevance();
            }
            if (ask.byEvidence()) {
                score *= record == null ? evidence[i] : record.evidence();
            }
            if (!kept.wouldKeep(score)) {
                continue;
            }
            kept.offer(ids[i], record == null ? occurrences[i] : record.occurrences(), score);
        }
        return kept.bestFirst();
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    /**
     * A new shelf: the rows of a former one, then the rows read since, each in place of the row of
     * the same id (a pattern credited) or after the others; the z-columns widen when a new feature
     * name comes.
     */
    private static final class Builder {
        private final Map<String, Integer> slots;
        private final List<String> symbolNames;
        private final List<String> typeNames;
        private final Map<String, Integer> symbolPositions = new HashMap<>();
        private final Map<String, Integer> typePositions = new HashMap<>();
        private final MarketShelf from;
        private final int capacity;
        private final long[] ids;
        private final long[] atMicros;
        private final int[] symbols;
        private final int[] types;
        private final long[] strategies;
        private final double[] relevance;
        private final long[] occurrences;
        private final double[] evidence;
        private final boolean[] featured;
        /** The z-values of the rows written here, by position. */
        private final Map<Integer, double[]> written = new HashMap<>();
        /** Positions by id, once a row might replace one (its id not above every id held). */
        private Map<Long, Integer> positions;
        private final long highestId;
        private int size;

        Builder(MarketShelf from, int added) {
            this.from = from;
            this.capacity = from.size + added;
            this.slots = new HashMap<>(from.slots);
            this.symbolNames = new ArrayList<>(Arrays.asList(from.symbolNames));
            this.typeNames = new ArrayList<>(Arrays.asList(from.typeNames));
            symbolNames.forEach(name -> symbolPositions.put(name, symbolPositions.size()));
            typeNames.forEach(name -> typePositions.put(name, typePositions.size()));
            this.ids = Arrays.copyOf(from.ids, capacity);
            this.atMicros = Arrays.copyOf(from.atMicros, capacity);
            this.symbols = Arrays.copyOf(from.symbols, capacity);
            this.types = Arrays.copyOf(from.types, capacity);
            this.strategies = Arrays.copyOf(from.strategies, capacity);
            this.relevance = Arrays.copyOf(from.relevance, capacity);
            this.occurrences = Arrays.copyOf(from.occurrences, capacity);
            this.evidence = Arrays.copyOf(from.evidence, capacity);
            this.featured = Arrays.copyOf(from.featured, capacity);
            this.size = from.size;
            long highest = Long.MIN_VALUE;
            for (int i = 0; i < from.size; i++) {
                highest = Math.max(highest, from.ids[i]);
            }
            this.highestId = highest;
        }

        Builder add(List<MarketRows.Row> added, FeatureSpace space) {
            for (MarketRows.Row r : added) {
                r.features().keySet().forEach(name -> slots.computeIfAbsent(name, k -> slots.size()));
                double[] row = new double[slots.size()];
                r.features().forEach((name, value) -> row[slots.get(name)] = space.z(name, value));
                int at = positionOf(r.id());
                written.put(at, row);
                ids[at] = r.id();
                atMicros[at] = micros(r.at());
                symbols[at] = index(symbolNames, symbolPositions, r.symbol());
                types[at] = index(typeNames, typePositions, r.type());
                strategies[at] = r.strategyId() == null ? NONE : r.strategyId();
                relevance[at] = r.relevance();
                occurrences[at] = r.occurrences();
                evidence[at] = r.evidence();
                featured[at] = !r.features().isEmpty();
            }
            return this;
        }

        /** Where the row of this id goes: in place of the one held, or after the others. */
        private int positionOf(long id) {
            if (id <= highestId && positions == null) {
                positions = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    positions.put(ids[i], i);
                }
            }
            Integer held = positions == null ? null : positions.get(id);
            if (held != null) {
                return held;
            }
            if (positions != null) {
                positions.put(id, size);
            }
            return size++;
        }

        private static int index(List<String> dictionary, Map<String, Integer> positions, String value) {
            if (value == null) {
                return -1;
            }
            return positions.computeIfAbsent(value, v -> {
                dictionary.add(v);
                return dictionary.size() - 1;
            });
        }

        MarketShelf build(long generation, long restore, Instant newest) {
            int width = slots.size();
            double[] z = new double[capacity * width];
            int oldWidth = from.slots.size();
            for (int i = 0; i < from.size; i++) {
                System.arraycopy(from.z, i * oldWidth, z, i * width, oldWidth);
            }
            written.forEach((at, row) -> {
                Arrays.fill(z, at * width, (at + 1) * width, 0);
                System.arraycopy(row, 0, z, at * width, row.length);
            });
            return new MarketShelf(generation, restore, newest, Map.copyOf(slots), size, ids, atMicros, symbols, types, strategies,
                    symbolNames.toArray(String[]::new), typeNames.toArray(String[]::new), relevance, occurrences, evidence, featured, z);
        }
    }
}
