package io.finagent.memory.mcp;

import io.finagent.memory.config.AgentToolsConfig;
import io.finagent.platform.security.Roles;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.util.Map;

/** The caller's paper portfolios and the measurements of its outcomes, read from portfolio-service (REST: :8082/api/v1). */
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class PortfolioTools {

    private static final String SERVICE = "portfolio-service";

    private final ServiceReads reads;
    private final AgentToolsConfig config;

    public PortfolioTools(ServiceReads reads, AgentToolsConfig config) {
        this.reads = reads;
        this.config = config;
    }

    @Tool(name = "list_portfolios", description = "Your paper portfolios, newest first: id, name, the strategy each trades for,"
            + " cash and current value.")
    ToolResponse listPortfolios(@ToolArg(description = "Page number from 0 (default 0)", required = false) Integer page,
                                @ToolArg(description = "Page size, 1 to 100 (default 20)", required = false) Integer size) {
        return reads.get(SERVICE, config.portfolioService(), "/api/v1/portfolios", ServiceReads.query("page", page, "size", size));
    }

    @Tool(name = "get_portfolio", description = "One of your portfolios: cash, current value, every position with its quantity,"
            + " cost and last price, and the P&L (realized, unrealized, dividends, commissions, net).")
    ToolResponse getPortfolio(@ToolArg(description = "The portfolio's id") long portfolioId) {
        return reads.get(SERVICE, config.portfolioService(), "/api/v1/portfolios/" + portfolioId, Map.of());
    }

    @Tool(name = "get_equity_curve", description = "A portfolio's value over time: per interval the last valuation in it, over"
            + " [from, to) (default the last 30 days), at most 10,000 points.")
    ToolResponse getEquityCurve(@ToolArg(description = "The portfolio's id") long portfolioId,
                                @ToolArg(description = "From this ISO-8601 UTC instant", required = false) Instant from,
                                @ToolArg(description = "Up to this ISO-8601 UTC instant, excluded", required = false) Instant to,
                                @ToolArg(description = "30s, 15m, 1h or 1d (default 1h)", required = false) String interval) {
        return reads.get(SERVICE, config.portfolioService(), "/api/v1/portfolios/" + portfolioId + "/history",
                ServiceReads.query("from", from, "to", to, "interval", interval));
    }

    @Tool(name = "get_outcome_measurement", description = "How the outcome of one of your decisions is being measured: PENDING"
            + " (waiting for its horizon or a price), MEASURED (reference and exit prices, the outcome) or SKIPPED (with the"
            + " reason), and the paper trade made for it.")
    ToolResponse getOutcomeMeasurement(@ToolArg(description = "The decision's id") long decisionId) {
        return reads.get(SERVICE, config.portfolioService(), "/api/v1/outcomes/" + decisionId, Map.of());
    }
}
