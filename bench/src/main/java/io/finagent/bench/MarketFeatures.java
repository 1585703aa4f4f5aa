package io.finagent.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The six usual features with the centres and scales memory-service is configured with, drawn
 * as independent normals in z-space: no structure for the index to exploit, the hard case.
 */
public final class MarketFeatures {

    /** name, centre, scale: the same numbers as memory-service's application.properties. */
    public static final Object[][] SCALES = {
            {"ret_1d", 0.0, 0.01}, {"ret_5d", 0.0, 0.025}, {"ret_20d", 0.0, 0.05},
            {"volatility_20d", 0.2, 0.1}, {"rsi_14", 50.0, 10.0}, {"volume_ratio", 1.0, 0.5}};

    private final Random random;

    public MarketFeatures(long seed) {
        this.random = new Random(seed);
    }

    public Map<String, Double> next() {
        Map<String, Double> f = new LinkedHashMap<>();
        for (Object[] s : SCALES) {
            f.put((String) s[0], (double) s[1] + (double) s[2] * random.nextGaussian());
        }
        return f;
    }

    public static String json(Map<String, Double> features) {
        StringBuilder out = new StringBuilder("{");
        features.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return out.append('}').toString();
    }

    /** SQL of one row's features, the same distribution, drawn by PostgreSQL (Box–Muller). */
    public static String sqlObject() {
        StringBuilder out = new StringBuilder("jsonb_build_object(");
        for (int i = 0; i < SCALES.length; i++) {
            out.append(i > 0 ? ", " : "").append('\'').append(SCALES[i][0]).append("', ")
                    .append(SCALES[i][1]).append(" + ").append(SCALES[i][2])
                    .append(" * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())");
        }
        return out.append(')').toString();
    }

    /** SQL of the squared z-distance of a row's features to the query: what recall computes, in SQL. */
    public static String sqlSquaredDistance(Map<String, Double> query) {
        StringBuilder out = new StringBuilder();
        for (Object[] s : SCALES) {
            double centre = (double) s[1];
            double scale = (double) s[2];
            double zq = (query.get((String) s[0]) - centre) / scale;
            out.append(out.length() > 0 ? " + " : "").append("power((coalesce((market_context->'features'->>'")
                    .append(s[0]).append("')::float8, ").append(centre).append(") - ").append(centre).append(") / ")
                    .append(scale).append(" - (").append(zq).append("), 2)");
        }
        return out.toString();
    }
}
