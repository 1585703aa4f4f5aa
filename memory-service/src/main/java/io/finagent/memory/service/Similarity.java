package io.finagent.memory.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Similarity of market contexts on the features the query names. Each feature is z-scored with
 * the mean and sample standard deviation over the candidates (all decided by asOf, so nothing
 * from the future shapes the scale); a candidate without the feature sits at the mean (z = 0); a
 * feature without spread is left unscaled. With d the Euclidean distance of the z-vectors over m
 * features, similarity = 1 / (1 + d / √m), in (0, 1].
 */
final class Similarity {

    private final Map<String, Double> query;
    private final Map<String, double[]> meanAndStd;

    private Similarity(Map<String, Double> query, Map<String, double[]> meanAndStd) {
        this.query = query;
        this.meanAndStd = meanAndStd;
    }

    static Similarity fit(Map<String, Double> query, List<Map<String, Double>> candidates) {
        Map<String, double[]> scale = new HashMap<>();
        for (String f : query.keySet()) {
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            for (Map<String, Double> c : candidates) {
                Double v = c.get(f);
                if (v != null) {
                    sum += v;
                    sumSq += v * v;
                    n++;
                }
            }
            double mean = n == 0 ? query.get(f) : sum / n;
            double variance = n < 2 ? 0 : (sumSq - n * mean * mean) / (n - 1);
            double std = variance > 1e-24 ? Math.sqrt(variance) : 1.0;
            scale.put(f, new double[]{mean, std});
        }
        return new Similarity(query, scale);
    }

    /** The numeric entries of a stored JSON object of features; anything else is ignored. */
    static Map<String, Double> numbers(Object json) {
        Map<String, Double> out = new HashMap<>();
        if (json instanceof Map<?, ?> raw) {
            raw.forEach((name, value) -> {
                if (name instanceof String key && value instanceof Number n) {
                    out.put(key, n.doubleValue());
                }
            });
        }
        return out;
    }

    double to(Map<String, Double> candidate) {
        double squared = 0;
        for (var entry : query.entrySet()) {
            double[] ms = meanAndStd.get(entry.getKey());
            double zq = (entry.getValue() - ms[0]) / ms[1];
            Double v = candidate.get(entry.getKey());
            double zc = v == null ? 0 : (v - ms[0]) / ms[1];
            squared += (zq - zc) * (zq - zc);
        }
        return 1 / (1 + Math.sqrt(squared) / Math.sqrt(query.size()));
    }
}
