package io.finagent.memory.mcp;

import io.finagent.memory.config.AgentToolsConfig;
import io.finagent.platform.security.Roles;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.util.Map;

/** The caller's strategies and how they performed, read from strategy-service (REST: :8083/api/v1/strategies). */
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class StrategyTools {

    private static final String SERVICE = "strategy-service";

    private final ServiceReads reads;
    private final AgentToolsConfig config;

    public StrategyTools(ServiceReads reads, AgentToolsConfig config) {
        this.reads = reads;
        this.config = config;
    }

    @Tool(name = "get_strategy", description = "One of your strategies: its current config and version, status, default horizon,"
            + " how many decisions it took and the decidedAt of the latest (lastUsed).")
    ToolResponse getStrategy(@ToolArg(description = "The strategy's id") long strategyId) {
        return reads.get(SERVICE, config.strategyService(), "/api/v1/strategies/" + strategyId, Map.of());
    }

    @Tool(name = "get_strategy_performance", description = "A strategy's performance over the outcomes measured in [from, to)"
            + " (default: all of them): total and annualized return, volatility, Sharpe, Sortino, max drawdown, Calmar, win rate"
            + " and trade count, by the empyrical definitions; a metric that cannot be computed is null, with the reason.")
    ToolResponse getStrategyPerformance(@ToolArg(description = "The strategy's id") long strategyId,
                                        @ToolArg(description = "From this ISO-8601 UTC instant", required = false) Instant from,
                                        @ToolArg(description = "Up to this ISO-8601 UTC instant, excluded", required = false) Instant to) {
        return reads.get(SERVICE, config.strategyService(), "/api/v1/strategies/" + strategyId + "/performance",
                ServiceReads.query("from", from, "to", to));
    }
}
