package io.finagent.memory.domain;

import java.util.HashMap;
import java.util.Map;

/** Named numeric market features, as stored in JSON: the numeric entries count, anything else is ignored. */
public final class Features {

    private Features() {
    }

    public static Map<String, Double> of(Object json) {
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
}
