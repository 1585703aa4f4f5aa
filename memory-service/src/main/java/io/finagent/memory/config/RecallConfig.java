package io.finagent.memory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Weights, feature scales and the index of recall; the formulas are in the service README. */
@ConfigMapping(prefix = "finagent.recall")
public interface RecallConfig {

    @WithDefault("0.7")
    double similarityWeight();

    @WithDefault("0.2")
    double recencyWeight();

    @WithDefault("0.1")
    double importanceWeight();

    /** A past decision's recency halves with each half-life before {@code asOf}. */
    @WithDefault("30d")
    Duration recencyHalfLife();

    /** How many nearest decisions (at least; 3·k if more) the score re-ranks. */
    @WithDefault("30")
    int rerankPool();

    /** Newest decisions searched exactly while the index is being built. */
    @WithDefault("20000")
    int maxCandidates();

    /** Centre and scale of each named feature: z = (value − center) / scale. Unnamed features: 0 and 1. */
    Map<String, FeatureScale> features();

    Index index();

    interface FeatureScale {
        @WithDefault("0")
        double center();

        @WithDefault("1")
        double scale();
    }

    interface Index {
        /** Distinct feature names the vectors have room for; names beyond are not compared. */
        @WithDefault("32")
        int dimensions();

        /** HNSW: neighbours per node. */
        @WithDefault("16")
        int maxConnections();

        /**
         * HNSW: candidates kept while inserting. The cost of every insert, and of every merge,
         * grows with it: at 16 an insert costs about 60 µs against 75–100 µs at 32, and recall@10
         * against an exact scan stays ≥ 0.999 on the bench's data (README, "Speed").
         */
        @WithDefault("16")
        int beamWidth();

        /** HNSW: candidates kept while searching, at least the pool asked for. */
        @WithDefault("64")
        int searchBreadth();

        /**
         * A filter (user, symbol, strategy, asOf) that leaves at most this many decisions in a segment is
         * searched by comparing the probe with each of them, not through the graph: exact, and faster
         * than a graph search that visits most of them anyway (memory-service README, "Speed").
         */
        @WithDefault("50000")
        int exactBelow();

        /**
         * Where the index is kept (a volume in compose and Kubernetes), so that a restart opens it and
         * reads only what it missed; without it, a temporary folder and a rebuild at every start.
         */
        Optional<Path> directory();

        /** How often the index reads what other replicas (and writers) committed: the visibility lag of a decision elsewhere. */
        @WithDefault("100ms")
        Duration followInterval();

        /**
         * What it read is made durable after this long, or after {@link #commitDecisions()} decisions,
         * whichever comes first, and at shutdown: after a crash the next start reads that much again.
         * Each commit cuts a segment (a graph merged again later), so not every few seconds under ingest.
         */
        @WithDefault("60s")
        Duration commitInterval();

        @WithDefault("50000")
        int commitDecisions();

        /**
         * After this long without a new decision, the index's small segments are merged into one
         * in the background: an ingest leaves several, and every recall searches each one's graph.
         */
        @WithDefault("10s")
        Duration mergeWhenIdle();

        /**
         * Whether readiness is DOWN until the index has caught up (or been rebuilt). On where other
         * replicas serve meanwhile (the production overlay); off where one replica is the only one.
         */
        @WithDefault("false")
        boolean gateReadiness();

        /** Memory the index fills before it writes a segment (at most a quarter of the heap); bigger means fewer graphs. */
        @WithDefault("1024")
        double ramBufferMb();

        /** Threads that insert into the graph during a rebuild; the machine's cores by default. */
        Optional<Integer> rebuildThreads();

        /** Rows read per round trip while rebuilding from PostgreSQL, and per poll while following it. */
        @WithDefault("5000")
        int rebuildFetchSize();
    }
}
