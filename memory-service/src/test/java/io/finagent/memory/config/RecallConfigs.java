package io.finagent.memory.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.time.Duration;

/** Recall's configuration for tests without Quarkus: its defaults, with the given keys and values over them. */
public final class RecallConfigs {

    private RecallConfigs() {
    }

    public static RecallConfig with(String... keysAndValues) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(RecallConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.withDefaultValue(keysAndValues[i], keysAndValues[i + 1]);
        }
        return builder.build().getConfigMapping(RecallConfig.class);
    }
}
