package io.finagent.memory.service;

import io.finagent.memory.config.RecallConfig;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The space in which market contexts are compared, by recall, similar episodes and relevant
 * patterns alike. A feature is normalised with its configured centre and scale, z = (x − c) / s,
 * fixed numbers, so that no later data reshapes the past (no look-ahead) and the index needs no
 * re-embedding. A feature one side lacks sits at its centre (z = 0). With d the Euclidean
 * distance of the z-vectors and m the number of the query's features, similarity =
 * 1 / (1 + d/√m), in (0, 1]. A singleton, not behind a client proxy: it is called once for each of
 * thousands of candidates in a call.
 */
@Singleton
public class FeatureSpace {

    /** A query in index coordinates: its vector over known slots, and Σz² of its names without a slot. */
    public record Probe(float[] vector, double outsideSquared, int size) {
    }

    private final Map<String, RecallConfig.FeatureScale> scales;
    private final int dimensions;
    private final Map<String, Integer> slots = new ConcurrentHashMap<>();

    public FeatureSpace(RecallConfig config) {
        this.scales = config.features();
        this.dimensions = config.index().dimensions();
    }

    public int dimensions() {
        return dimensions;
    }

    public double z(String name, double value) {
        RecallConfig.FeatureScale scale = scales.get(name);
        return scale == null ? value : (value - scale.center()) / scale.scale();
    }

    public double similarity(Map<String, Double> query, Map<String, Double> candidate) {
        double squared = 0;
        for (Map.Entry<String, Double> feature : query.entrySet()) {
            double diff = z(feature.getKey(), feature.getValue()) - zOrCentre(candidate, feature.getKey());
            squared += diff * diff;
        }
        for (Map.Entry<String, Double> feature : candidate.entrySet()) {
            if (!query.containsKey(feature.getKey())) { // the query sits at this one's centre
                double z = z(feature.getKey(), feature.getValue());
                squared += z * z;
            }
        }
        return similarity(squared, query.size());
    }

    public static double similarity(double squaredDistance, int querySize) {
        return 1 / (1 + Math.sqrt(Math.max(0, squaredDistance) / Math.max(1, querySize)));
    }

    /** The vector a stored context is indexed with; a new name takes the next free slot. */
    public float[] vector(Map<String, Double> features) {
        float[] v = new float[dimensions];
        features.forEach((name, value) -> {
            Integer slot = slotFor(name, true);
            if (slot != null) {
                v[slot] = (float) z(name, value);
            }
        });
        return v;
    }

    public Probe probe(Map<String, Double> features) {
        float[] v = new float[dimensions];
        double outside = 0;
        for (var e : features.entrySet()) {
            Integer slot = slotFor(e.getKey(), false);
            double z = z(e.getKey(), e.getValue());
            if (slot != null) {
                v[slot] = (float) z;
            } else {
                outside += z * z; // no stored context has it: every one sits at its centre
            }
        }
        return new Probe(v, outside, features.size());
    }

    /** True when {@link #vector} of these names takes no new slot (each has one, or none is left). */
    public boolean hasSlots(Collection<String> names) {
        return slots.size() >= dimensions || slots.keySet().containsAll(names);
    }

    /** The slot of each feature name, as the vectors written so far use them. */
    public Map<String, Integer> slots() {
        synchronized (slots) {
            return Map.copyOf(slots);
        }
    }

    /** The slots of an index opened from disk, or none for an index built anew. */
    public void restoreSlots(Map<String, Integer> restored) {
        synchronized (slots) {
            slots.clear();
            slots.putAll(restored);
        }
    }

    private double zOrCentre(Map<String, Double> features, String name) {
        Double value = features.get(name);
        return value == null ? 0 : z(name, value);
    }

    private Integer slotFor(String name, boolean assign) {
        Integer slot = slots.get(name);
        if (slot != null || !assign) {
            return slot;
        }
        synchronized (slots) {
            return slots.size() < dimensions ? slots.computeIfAbsent(name, n -> slots.size()) : slots.get(name);
        }
    }
}
