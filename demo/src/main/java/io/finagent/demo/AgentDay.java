package io.finagent.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * bin/demo: a rule-based agent trades a few symbols over generated prices, one trading day a
 * second of the clock. Each second the day's prices go to portfolio-service; for each symbol the
 * agent asks memory-service for the context (get_agent_context), decides from it (RuleAgent),
 * records the decision citing that context (record_decision) and notes it in its session
 * (add_session_event). portfolio-service paper-trades each decision and measures its outcome
 * when its horizon (one minute, the shortest there is: sixty trading days here) has passed; the
 * outcome comes back to memory-service, where the following contexts find it. It runs on the
 * clock, not on replayed past instants, because a context answers as of when it is asked: an
 * outcome measured now is not known to a decision dated in the past.
 */
public final class AgentDay {

    /** Where the services answer. */
    public record Endpoints(URI memory, URI portfolio, URI strategy) {
    }

    public record Options(Endpoints endpoints, String token, long seed, int steps, Duration step, Path report,
                          PrintStream out) {
    }

    static final List<String> SYMBOLS = List.of("ACME", "GLOBEX", "INITECH");
    static final int HORIZON_MINUTES = 1;
    static final BigDecimal CAPITAL = new BigDecimal("100000.00");
    /** How long after its horizon an outcome may take to come back before the demo gives up on the loop. */
    private static final Duration OUTCOME_WAIT = Duration.ofSeconds(90);

    private final Options options;
    private final Cluster cluster;
    private final Market market;
    private final RuleAgent agent = new RuleAgent();
    private final List<DaySummary.Decision> journal = new ArrayList<>();
    private final String session = "demo-" + UUID.randomUUID();
    private long strategyId;

    private AgentDay(Options options, Cluster cluster) {
        this.options = options;
        this.cluster = cluster;
        this.market = new Market(options.seed(), SYMBOLS);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            flags.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String token = flags.getOrDefault("token", System.getenv("TOKEN"));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a token is needed: --token, or TOKEN in the environment");
        }
        Options options = new Options(new Endpoints(URI.create(flags.getOrDefault("memory", "http://localhost:8081")),
                URI.create(flags.getOrDefault("portfolio", "http://localhost:8082")),
                URI.create(flags.getOrDefault("strategy", "http://localhost:8083"))),
                token, Long.parseLong(flags.getOrDefault("seed", "42")), Integer.parseInt(flags.getOrDefault("steps", "240")),
                Duration.ofMillis(Long.parseLong(flags.getOrDefault("step-ms", "1000"))),
                Path.of(flags.getOrDefault("report", "agent-day.html")), System.out);
        DaySummary summary = run(options);
        System.out.println();
        System.out.print(summary.text());
        System.out.println("  report         " + options.report().toAbsolutePath());
    }

    public static DaySummary run(Options options) throws Exception {
        try (Cluster cluster = new Cluster(options.endpoints(), options.token())) {
            DaySummary summary = new AgentDay(options, cluster).play();
            HtmlReport.write(options.report(), summary);
            return summary;
        }
    }

    private DaySummary play() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long portfolioId = open(start);
        for (int day = -Market.warmUp(); day < 0; day++) { // the history the first features need, in the seconds before
            market.advance();
            publishPrices(start.plus(options.step().multipliedBy(day)));
        }
        long started = System.nanoTime();
        int every = Math.max(1, options.steps() / 12);
        for (int day = 0; day < options.steps(); day++) {
            market.advance();
            publishPrices(Instant.now());
            for (String symbol : SYMBOLS) {
                decide(symbol);
            }
            learnOutcomes(Instant.now().minus(Duration.ofMinutes(HORIZON_MINUTES)));
            if ((day + 1) % every == 0 || day + 1 == options.steps()) {
                progress(day + 1, started);
            }
            waitUntil(started + options.step().toNanos() * (day + 1));
        }
        awaitLastOutcomes(started);
        progress(options.steps(), started);
        return summarize(start, portfolioId);
    }

    /** The agent's strategy and the portfolio that paper-trades it; returns the portfolio's id. */
    private long open(Instant start) {
        String name = "demo momentum, seed " + options.seed() + ", " + start;
        strategyId = cluster.postToStrategyService("/api/v1/strategies", Map.of("name", name, "type", "TECHNICAL",
                "description", "bin/demo's rule-based agent: momentum, checked against recall",
                "config", Map.of("rule", "ret_5d momentum", "evidence", RuleAgent.EVIDENCE),
                "defaultHorizonMinutes", HORIZON_MINUTES)).get("id").asLong();
        long portfolioId = cluster.postToPortfolioService("/api/v1/portfolios", Map.of("name", name, "initialCapital", CAPITAL,
                "strategyId", strategyId)).get("id").asLong(); // long only: a SELL sells what is held
        options.out().printf("strategy %d and portfolio %d opened; %d trading days of %s, one every %d ms; outcomes are measured"
                        + " %d minute after each decision%n", strategyId, portfolioId, options.steps(), String.join(", ", SYMBOLS),
                options.step().toMillis(), HORIZON_MINUTES);
        return portfolioId;
    }

    /** The market goes on (its prices are the exits) until every decision's outcome is back. */
    private void awaitLastOutcomes(long started) {
        Instant last = Instant.now();
        options.out().printf("waiting for the last outcomes (the horizon of the last decisions, %d minute)%n", HORIZON_MINUTES);
        for (int day = options.steps(); journal.stream().anyMatch(d -> d.outcome() == null); day++) {
            if (Instant.now().isAfter(last.plus(Duration.ofMinutes(HORIZON_MINUTES)).plus(OUTCOME_WAIT))) {
                throw new IllegalStateException("outcomes missing " + OUTCOME_WAIT + " after their horizon: are portfolio-service"
                        + " and the broker running?");
            }
            market.advance();
            publishPrices(Instant.now());
            learnOutcomes(Instant.now().minus(Duration.ofMinutes(HORIZON_MINUTES)));
            waitUntil(started + options.step().toNanos() * (day + 1));
        }
    }

    /** The day as the services tell it: the strategy's metrics, the portfolio, its equity curve (through the tools). */
    private DaySummary summarize(Instant start, long portfolioId) {
        JsonNode performance = cluster.tool("get_strategy_performance", Map.of("strategyId", strategyId));
        JsonNode portfolio = cluster.tool("get_portfolio", Map.of("portfolioId", portfolioId)).path("portfolio");
        JsonNode curve = cluster.tool("get_equity_curve", Map.of("portfolioId", portfolioId, "from", start.toString(),
                "to", Instant.now().plusSeconds(1).toString(), "interval", "1s"));
        List<DaySummary.EquityPoint> equity = new ArrayList<>();
        curve.path("points").forEach(p -> equity.add(new DaySummary.EquityPoint(Instant.parse(p.get("at").asText()),
                p.get("value").decimalValue())));
        return new DaySummary(options.seed(), options.steps(), SYMBOLS, strategyId, portfolioId, List.copyOf(journal), performance,
                portfolio.path("initialCapital").decimalValue(), portfolio.path("currentValue").decimalValue(), equity);
    }

    private void publishPrices(Instant at) {
        List<Map<String, Object>> prices = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            prices.add(Map.of("symbol", symbol, "price", market.price(symbol)));
        }
        cluster.postToPortfolioService("/api/v1/prices", Map.of("at", at.toString(), "prices", prices));
    }

    private void decide(String symbol) {
        Map<String, Double> features = market.features(symbol);
        JsonNode context = cluster.tool("get_agent_context", Map.of("features", features, "symbol", symbol,
                "strategyId", strategyId, "sessionId", session, "k", 15, "budget", 60000));
        RuleAgent.Choice choice = agent.decide(features, context);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("strategyId", strategyId);
        decision.put("symbol", symbol);
        decision.put("decisionType", choice.decisionType());
        decision.put("confidence", choice.confidence());
        decision.put("marketContext", Map.of("features", features));
        decision.put("reasoning", choice.reasoning());
        decision.put("horizonMinutes", HORIZON_MINUTES); // decidedAt: now, after the context it cites
        decision.put("sessionId", session);
        decision.put("contextId", context.get("contextId").asText());
        decision.put("idempotencyKey", session + "-" + journal.size());
        JsonNode recorded = cluster.tool("record_decision", decision);
        long id = recorded.get("id").asLong();
        cluster.tool("add_session_event", Map.of("sessionId", session, "type", "decision", "payload",
                Map.of("decisionId", id, "symbol", symbol, "decisionType", choice.decisionType(), "price", market.price(symbol))));
        journal.add(new DaySummary.Decision(id, Instant.parse(recorded.get("decidedAt").asText()), symbol, choice.decisionType(),
                choice.rule(), choice.followedRecall(), choice.reasoning(), null));
    }

    /** Asks for the outcomes of the decisions decided by then (their horizon has passed); the ones known are kept. */
    private void learnOutcomes(Instant decidedBy) {
        for (int i = 0; i < journal.size(); i++) {
            DaySummary.Decision d = journal.get(i);
            if (d.outcome() == null && !d.decidedAt().isAfter(decidedBy)) {
                JsonNode known = cluster.tool("get_decision", Map.of("id", d.id()));
                if (known.hasNonNull("outcome")) {
                    journal.set(i, d.withOutcome(known.get("outcome").decimalValue()));
                }
            }
        }
    }

    private void progress(int day, long started) {
        DaySummary.Tally all = DaySummary.Tally.of(journal);
        DaySummary.Tally recall = DaySummary.Tally.of(journal.stream().filter(DaySummary.Decision::followedRecall).toList());
        options.out().printf("day %d/%d · %d decisions · %d outcomes · win rate %s (after recall %s of %d) · %.0f s%n",
                day, options.steps(), all.decisions(), all.measured(), DaySummary.percent(all.winRate()),
                DaySummary.percent(recall.winRate()), recall.measured(), (System.nanoTime() - started) / 1e9);
    }

    private static void waitUntil(long nanoTime) {
        try {
            long wait = nanoTime - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
