package io.finagent.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of measured durations (nearest rank), in milliseconds. */
public record Stats(double[] millis) {

    public static Stats ofNanos(List<Long> nanos) {
        return new Stats(nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray());
    }

    public double percentile(double p) {
        if (millis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * millis.length);
        return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }

    public double median() {
        return percentile(50);
    }

    public int count() {
        return millis.length;
    }

    @Override
    public String toString() {
        return Arrays.toString(millis);
    }
}
