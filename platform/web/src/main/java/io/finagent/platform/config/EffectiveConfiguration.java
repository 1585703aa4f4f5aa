package io.finagent.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The configuration a service runs with: every FinAgent, datasource, HTTP, logging, Kafka and
 * messaging setting as it resolved them, each with the source it came from (a {@code -D}, the
 * environment, one of the two config files, application.properties, the platform's defaults) and
 * secrets shown as "***". Read by the admin endpoint and by configuration backups.
 */
@ApplicationScoped
public class EffectiveConfiguration {

    private static final Pattern KEPT = Pattern.compile(
            "^(finagent\\.|quarkus\\.datasource\\.|quarkus\\.http\\.|quarkus\\.log\\.|quarkus\\.application\\.|kafka\\.|mp\\.messaging\\.).*");
    /**
     * A name that holds a secret, however it is spelled: password, secret, token, credential, private,
     * api-key, apikey, api_key, or a last word "key" (an environment variable {@code FINAGENT_AI_KEY}
     * is listed as {@code finagent.ai.key}).
     */
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|credential|private|api[-_.]?key).*|(?i).*[-_.]key");
    static final String MASK = "***";

    /** One setting: its value (masked when secret) and where it came from, with that source's ordinal. */
    public record Setting(String value, String source, int ordinal) {
    }

    private final Config config;

    public EffectiveConfiguration(Config config) {
        this.config = config;
    }

    public Map<String, Setting> settings() {
        Map<String, Setting> settings = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (!KEPT.matcher(name).matches() || name.startsWith("%")) {
                continue;
            }
            try {
                ConfigValue value = config.getConfigValue(name);
                if (value.getValue() != null) {
                    settings.put(name, new Setting(isSecret(name) ? MASK : value.getValue(), value.getSourceName(), value.getSourceOrdinal()));
                }
            } catch (NoSuchElementException | IllegalArgumentException unresolvable) {
                // an expression whose variable this profile leaves unset: not part of the effective configuration
            }
        }
        return settings;
    }

    /** The values alone, as a configuration backup keeps them. */
    public Map<String, String> values() {
        Map<String, String> values = new TreeMap<>();
        settings().forEach((name, setting) -> values.put(name, setting.value()));
        return values;
    }

    static boolean isSecret(String name) {
        return SECRET.matcher(name).matches();
    }
}
