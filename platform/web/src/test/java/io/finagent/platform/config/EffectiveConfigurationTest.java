package io.finagent.platform.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The effective configuration names, for each setting, the source that won, and masks every kind of secret. */
class EffectiveConfigurationTest {

    @Test
    void eachSettingComesWithTheSourceThatWonAndSecretsAreMasked() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("finagent.db.name", "from-defaults", "finagent.openbb.api-key", "sk-live-1",
                        "finagent.ai.apiKey", "sk-live-2", "quarkus.datasource.password", "pw", "finagent.backup.service-token", "t"), "defaults", 100))
                .withSources(new PropertiesConfigSource(Map.of("finagent.db.name", "from-user-file"), "user-file", 270))
                .withSources(new PropertiesConfigSource(Map.of("unrelated.key", "x"), "other", 300))
                .build();
        Map<String, EffectiveConfiguration.Setting> settings = new EffectiveConfiguration(config).settings();

        assertEquals(new EffectiveConfiguration.Setting("from-user-file", "PropertiesConfigSource[source=user-file]", 270), settings.get("finagent.db.name"));
        for (String secret : new String[] {"finagent.openbb.api-key", "finagent.ai.apiKey", "quarkus.datasource.password", "finagent.backup.service-token"}) {
            assertEquals(EffectiveConfiguration.MASK, settings.get(secret).value(), secret);
        }
        assertFalse(settings.containsKey("unrelated.key"), "only the service's own settings");
        assertTrue(EffectiveConfiguration.isSecret("FINAGENT_OPENBB_API_KEY"));
        assertFalse(EffectiveConfiguration.isSecret("finagent.backup.key-file"), "a path to a key is not the key");
        assertTrue(EffectiveConfiguration.isSecret("finagent.ai.key"), "FINAGENT_AI_KEY, as the environment lists it");
        assertFalse(EffectiveConfiguration.isSecret("finagent.cache.key-prefix"));
    }
}
