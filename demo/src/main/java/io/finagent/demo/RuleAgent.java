package io.finagent.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's agent: a momentum rule (buy after a rising week, sell after a falling one), checked
 * against memory. When at least {@link #EVIDENCE} similar past decisions of the same kind have
 * measured outcomes in the context, it follows what they say: keeps the rule if they earned on
 * average, takes the other side if they lost. Otherwise it trades the rule alone, at half
 * confidence. No model, no look-ahead: only the context memory-service answered.
 */
final class RuleAgent {

    static final int EVIDENCE = 3;

    /** {@code rule}: what momentum alone said, so that what recall changed can be weighed. */
    record Choice(String decisionType, String rule, BigDecimal confidence, boolean followedRecall, String reasoning) {
    }

    Choice decide(Map<String, Double> features, JsonNode context) {
        double week = features.get("ret_5d");
        String rule = week >= 0 ? "BUY" : "SELL";
        List<Double> outcomes = new ArrayList<>();
        for (JsonNode neighbour : context.path("decisions")) {
            JsonNode decision = neighbour.path("decision");
            if (rule.equals(decision.path("decisionType").asText()) && decision.hasNonNull("outcome")) {
                outcomes.add(decision.get("outcome").asDouble());
            }
        }
        String momentum = "momentum: the week returned %+.2f %%".formatted(week * 100);
        if (outcomes.size() < EVIDENCE) {
            return new Choice(rule, rule, new BigDecimal("0.5"), false, momentum + "; no similar %s measured yet".formatted(rule));
        }
        double mean = outcomes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double winRate = outcomes.stream().filter(o -> o > 0).count() / (double) outcomes.size();
        BigDecimal confidence = BigDecimal.valueOf(0.5 + Math.min(0.45, Math.abs(winRate - 0.5))).setScale(4, RoundingMode.HALF_EVEN);
        String evidence = "%d similar %ss returned %+.2f %% on average (win rate %.0f %%)"
                .formatted(outcomes.size(), rule, mean * 100, winRate * 100);
        if (mean < 0) {
            return new Choice(rule.equals("BUY") ? "SELL" : "BUY", rule, confidence, true, momentum + ", but " + evidence + ": the other side");
        }
        return new Choice(rule, rule, confidence, true, momentum + ", and " + evidence);
    }
}
