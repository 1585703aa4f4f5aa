package io.finagent.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.time.DurationMin;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The OpenBB Platform an agent-facing side reads market data from: {@code finagent.openbb.*}. */
@ConfigMapping(prefix = "finagent.openbb")
public interface OpenBbConfig {

    Optional<URI> baseUrl();

    /** OpenBB's personal access token; masked wherever the configuration is shown. */
    Optional<String> apiKey();

    @WithDefault("10s")
    @DurationMin(millis = 1, message = ConfigMessages.POSITIVE)
    Duration timeout();
}
