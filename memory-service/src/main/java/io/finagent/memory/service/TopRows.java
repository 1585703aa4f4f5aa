package io.finagent.memory.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The n best so far, in a small min-heap of (score, occurrences, id); a row worse than the
 * worst kept costs one comparison.
 */
final class TopRows {

    private final int n;
    private final long[] heapIds;
    private final long[] heapCounts;
    private final double[] heapScores;
    private int size;

    TopRows(int n) {
        this.n = n;
        this.heapIds = new long[n];
        this.heapCounts = new long[n];
        this.heapScores = new double[n];
    }

    boolean full() {
        return size == n;
    }

    /** The worst score kept. */
    double floor() {
        return heapScores[0];
    }

    /** False when a row of this score cannot enter, whatever its occurrences and id. */
    boolean wouldKeep(double score) {
        return size < n || score >= heapScores[0];
    }

    /** True when slot a ranks below slot b. */
    private boolean worse(int a, int b) {
        return worse(heapScores[a], heapCounts[a], heapIds[a], heapScores[b], heapCounts[b], heapIds[b]);
    }

    /** A lower score, or the same and fewer occurrences, or the same and an older id. */
    private static boolean worse(double a, long ac, long ai, double b, long bc, long bi) {
        return a < b || a == b && (ac < bc || ac == bc && ai < bi);
    }

    void offer(long id, long count, double score) {
        if (size < n) {
            heapIds[size] = id;
            heapCounts[size] = count;
            heapScores[size] = score;
            for (int i = size++; i > 0 && worse(i, (i - 1) / 2); i = (i - 1) / 2) {
                swap(i, (i - 1) / 2);
            }
        } else if (n > 0 && worse(heapScores[0], heapCounts[0], heapIds[0], score, count, id)) {
            heapIds[0] = id;
            heapCounts[0] = count;
            heapScores[0] = score;
            for (int i = 0; ; ) {
                int l = 2 * i + 1;
                int r = l + 1;
                int least = i;
                if (l < n && worse(l, least)) {
                    least = l;
                }
                if (r < n && worse(r, least)) {
                    least = r;
                }
                if (least == i) {
                    break;
                }
                swap(i, least);
                i = least;
            }
        }
    }

    private void swap(int a, int b) {
        long id = heapIds[a];
        heapIds[a] = heapIds[b];
        heapIds[b] = id;
        long count = heapCounts[a];
        heapCounts[a] = heapCounts[b];
        heapCounts[b] = count;
        double score = heapScores[a];
        heapScores[a] = heapScores[b];
        heapScores[b] = score;
    }

    List<Long> bestFirst() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> worse(a, b) ? 1 : worse(b, a) ? -1 : 0);
        List<Long> out = new ArrayList<>(size);
        for (Integer i : order) {
            out.add(heapIds[i]);
        }
        return out;
    }
}
