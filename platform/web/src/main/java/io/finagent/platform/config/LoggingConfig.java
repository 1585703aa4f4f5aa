package io.finagent.platform.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.nio.file.Path;

/**
 * Logging to a rotated file, when enabled: {@code finagent.logging.file.*}. The platform's
 * defaults (microprofile-config.properties, where the build can read them too) hand these values to
 * Quarkus' own file handler ({@code quarkus.log.file.*}), so this section is the one place to set
 * them and the place that refuses a bad one at start.
 */
@ConfigMapping(prefix = "finagent.logging")
public interface LoggingConfig {

    File file();

    interface File {

        boolean enabled();

        Path path();

        /** The size at which the file is rotated. */
        MemorySize maxSize();

        /** The rotated files kept beside the current one. */
        @Min(value = 1, message = ConfigMessages.AT_LEAST)
        @Max(value = 1000, message = ConfigMessages.AT_MOST)
        int maxBackups();
    }
}
