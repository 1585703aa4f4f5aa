package io.finagent.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The language model an agent-facing side (the MCP server, a gateway) talks to:
 * {@code finagent.ai.*}. The services themselves never call it; they show it, masked, in the
 * effective configuration. An out-of-range value stops the start, naming the key and the value.
 */
@ConfigMapping(prefix = "finagent.ai")
public interface AiConfig {

    enum Provider { NONE, OPENAI, ANTHROPIC, OLLAMA }

    @WithDefault("none")
    Provider provider();

    Optional<String> model();

    Optional<URI> baseUrl();

    /** Masked wherever the configuration is shown. */
    Optional<String> apiKey();

    @WithDefault("0.2")
    @DecimalMin(value = "0", message = ConfigMessages.AT_LEAST)
    @DecimalMax(value = "2", message = ConfigMessages.AT_MOST)
    double temperature();

    @WithDefault("4096")
    @Min(value = 1, message = ConfigMessages.AT_LEAST)
    @Max(value = 1_000_000, message = ConfigMessages.AT_MOST)
    int maxTokens();

    @WithDefault("60s")
    @DurationMin(millis = 1, message = ConfigMessages.POSITIVE)
    Duration timeout();
}
