package io.finagent.memory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;

/** Where the MCP tools that read another service's data find it (they call it with the caller's own token). */
@ConfigMapping(prefix = "finagent.agent-tools")
public interface AgentToolsConfig {

    /** portfolio-service: portfolios, their equity curves and the measurements of outcomes. */
    @WithDefault("http://localhost:8082")
    URI portfolioService();

    /** strategy-service: strategies and their performance. */
    @WithDefault("http://localhost:8083")
    URI strategyService();
}
