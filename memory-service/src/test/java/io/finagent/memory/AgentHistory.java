package io.finagent.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finagent.platform.testing.Tokens;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;

/**
 * One agent's random history, from a seed, played against the running service in real time:
 * decisions in three market regimes citing earlier patterns and lessons, outcomes that arrive
 * late, patterns recognised and observed, lessons written, episodes finished, recalls that count
 * accesses, and checkpoints. At a checkpoint every as-of read is asked live and its answer kept,
 * with the instant it was given for; {@link #askAgain} asks it again, later, as of that instant.
 */
final class AgentHistory {

    /** Every read that takes asOf. */
    static final List<String> READS = List.of("recall", "similarEpisodes", "relevantPatterns", "patterns", "memories",
            "relevantLessons", "context");
    /**
     * Not compared, as memory-service's README documents: fields that describe the present, and the
     * name and digest of one assembly of a context (each call is a new one).
     */
    static final List<String> PRESENT = List.of("accessCount", "lastAccessed", "contextId", "contextDigest");

    /** What a read answered, live, at a checkpoint. */
    record Answer(String read, Map<String, Double> market, String asOf, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA"};
    private static final double[][] REGIMES = {{30, -0.03, 0.35}, {50, 0.0, 0.2}, {70, 0.03, 0.12}};

    private final Random random;
    private final String user;
    private final List<Long> decisions = new ArrayList<>();
    private final List<Long> awaitingOutcome = new ArrayList<>();
    private final List<Long> patterns = new ArrayList<>();
    private final List<Long> lessons = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();

    AgentHistory(long seed, String user) {
        this.random = new Random(seed);
        this.user = user;
    }

    List<Answer> answers() {
        return answers;
    }

    List<Long> decisions() {
        return decisions;
    }

    List<Long> patterns() {
        return patterns;
    }

    /** {@code steps} random steps; every tenth or so a checkpoint. */
    void play(int steps) {
        for (int step = 0; step < steps; step++) {
            int roll = random.nextInt(100);
            if (roll < 28) {
                decide(market());
            } else if (roll < 42) {
                measureOne();
            } else if (roll < 50) {
                recognisePattern(market());
            } else if (roll < 60) {
                observePattern();
            } else if (roll < 70) {
                writeLesson(market());
            } else if (roll < 77) {
                finishEpisode(market());
            } else if (roll < 88) {
                recall(market(), null);
            } else {
                checkpoint(market());
            }
        }
    }

    /** Every read asked live; the lists, which carry no asOf, as of the instant the first read answered for. */
    List<Answer> checkpoint(Map<String, Double> market) {
        List<Answer> taken = new ArrayList<>();
        String asOf = null;
        for (String read : READS) {
            JsonNode body = ask(read, market, read.equals("patterns") || read.equals("memories") ? asOf : null);
            if (asOf == null) {
                asOf = body.get("asOf").asText();
            }
            taken.add(new Answer(read, market, body.has("asOf") ? body.get("asOf").asText() : asOf, body));
        }
        answers.addAll(taken);
        return taken;
    }

    /** The same read, now, as of the instant of the answer. */
    JsonNode askAgain(Answer answer) {
        return ask(answer.read(), answer.market(), answer.asOf());
    }

    JsonNode ask(String read, Map<String, Double> market, String asOf) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode features = JSON.valueToTree(market);
        if (asOf != null) {
            body.put("asOf", asOf);
        }
        String answer = switch (read) {
            case "recall" -> post("/api/v1/recall", body.put("k", 5).put("exact", true).set("marketContext", context(features)));
            case "similarEpisodes" -> post("/api/v1/episodes/similar", body.put("k", 5).set("features", features));
            case "relevantPatterns" -> post("/api/v1/patterns/relevant", body.put("k", 5).set("marketContext", context(features)));
            case "relevantLessons" -> post("/api/v1/memories/relevant", body.put("k", 5).set("marketContext", context(features)));
            case "patterns" -> get("/api/v1/patterns?size=20&asOf=" + asOf);
            case "memories" -> get("/api/v1/memories?size=20&asOf=" + asOf);
            case "context" -> get("/api/v1/context?k=5" + market.entrySet().stream()
                    .map(e -> "&feature=" + e.getKey() + ":" + e.getValue()).reduce("", String::concat) + (asOf == null ? "" : "&asOf=" + asOf));
            default -> throw new IllegalArgumentException(read);
        };
        try {
            return withoutThePresent(JSON.readTree(answer));
        } catch (Exception e) {
            throw new IllegalStateException(read + " answered " + answer, e);
        }
    }

    Map<String, Double> market() {
        double[] regime = REGIMES[random.nextInt(REGIMES.length)];
        Map<String, Double> market = new LinkedHashMap<>();
        market.put("rsi_14", round(regime[0] + random.nextGaussian() * 4));
        market.put("ret_5d", round(regime[1] + random.nextGaussian() * 0.01));
        market.put("volatility_20d", round(regime[2] + random.nextGaussian() * 0.03));
        return market;
    }

    long decide(Map<String, Double> market) {
        ObjectNode body = JSON.createObjectNode().put("strategyId", 1 + random.nextInt(2))
                .put("symbol", SYMBOLS[random.nextInt(SYMBOLS.length)]).put("decisionType", random.nextBoolean() ? "BUY" : "SELL")
                .put("confidence", 0.5).put("horizonMinutes", 60);
        body.set("marketContext", context(JSON.valueToTree(market)));
        body.set("citedPatternIds", JSON.valueToTree(some(patterns)));
        body.set("citedMemoryIds", JSON.valueToTree(some(lessons)));
        long id = id(post("/api/v1/decisions", body));
        decisions.add(id);
        awaitingOutcome.add(id);
        return id;
    }

    /** An outcome that arrives late: for a random decision still waiting for one. */
    void measureOne() {
        if (awaitingOutcome.isEmpty()) {
            return;
        }
        long id = awaitingOutcome.remove(random.nextInt(awaitingOutcome.size()));
        put("/api/v1/decisions/" + id + "/outcome", JSON.createObjectNode().put("outcome", outcome()));
    }

    long recognisePattern(Map<String, Double> market) {
        ObjectNode body = JSON.createObjectNode().put("patternType", "REGIME").put("patternName", "regime " + patterns.size());
        body.set("patternData", JSON.createObjectNode().set("features", JSON.valueToTree(market)));
        long id = id(post("/api/v1/patterns", body));
        patterns.add(id);
        return id;
    }

    void observePattern() {
        if (!patterns.isEmpty()) {
            observe(patterns.get(random.nextInt(patterns.size())), outcome());
        }
    }

    void observe(long pattern, String outcome) {
        post("/api/v1/patterns/" + pattern + "/observations", JSON.createObjectNode().put("outcome", outcome));
    }

    long writeLesson(Map<String, Double> market) {
        ObjectNode body = JSON.createObjectNode().put("memoryType", random.nextBoolean() ? "FEEDBACK" : "OBSERVATION")
                .put("summary", "lesson " + lessons.size()).put("relevanceScore", new BigDecimal(50 + random.nextInt(50)).movePointLeft(2));
        body.set("content", JSON.createObjectNode().put("text", "what worked in this market"));
        body.set("marketContext", context(JSON.valueToTree(market)));
        long id = id(post("/api/v1/memories", body));
        lessons.add(id);
        return id;
    }

    /** An episode recorded as it ends: it ends now, so nothing earlier than a past checkpoint is added behind it. */
    void finishEpisode(Map<String, Double> market) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ObjectNode body = JSON.createObjectNode().put("symbol", SYMBOLS[random.nextInt(SYMBOLS.length)])
                .put("startedAt", now.minus(90, ChronoUnit.MINUTES).toString()).put("endedAt", now.toString())
                .put("result", outcome());
        body.set("entry", JSON.createObjectNode().put("price", 100));
        body.set("features", JSON.valueToTree(market));
        id(post("/api/v1/episodes", body));
    }

    void recall(Map<String, Double> market, String asOf) {
        ask("recall", market, asOf);
    }

    private String outcome() {
        return String.format("%.4f", random.nextGaussian() * 0.02);
    }

    private List<Long> some(List<Long> ids) {
        List<Long> picked = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0 && !ids.isEmpty(); i--) {
            Long id = ids.get(random.nextInt(ids.size()));
            if (!picked.contains(id)) {
                picked.add(id);
            }
        }
        return picked;
    }

    private static ObjectNode context(JsonNode features) {
        ObjectNode context = JSON.createObjectNode();
        context.set("features", features);
        return context;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static JsonNode withoutThePresent(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(PRESENT);
        }
        node.forEach(AgentHistory::withoutThePresent);
        return node;
    }

    private long id(String created) {
        try {
            return JSON.readTree(created).get("id").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(created, e);
        }
    }

    private RequestSpecification as() {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json");
    }

    private String post(String path, JsonNode body) {
        return as().body(body.toString()).post(path).then().statusCode(org.hamcrest.Matchers.lessThan(300)).extract().asString();
    }

    private String put(String path, JsonNode body) {
        return as().body(body.toString()).put(path).then().statusCode(200).extract().asString();
    }

    private String get(String path) {
        return as().urlEncodingEnabled(true).get(path).then().statusCode(200).extract().asString();
    }
}
