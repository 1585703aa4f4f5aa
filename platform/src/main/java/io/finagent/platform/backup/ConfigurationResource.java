package io.finagent.platform.backup;

import io.finagent.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.Config;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A service's effective configuration, for configuration backups, admin only: every FinAgent,
 * datasource, HTTP, Kafka and messaging setting as the service resolved it (files, environment,
 * defaults), with secrets shown as "***".
 */
@Path("/api/v1/backup/configuration")
public class ConfigurationResource {

    private static final Pattern KEPT = Pattern.compile("^(finagent\\.|quarkus\\.datasource\\.|quarkus\\.http\\.|quarkus\\.application\\.|kafka\\.|mp\\.messaging\\.).*");
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|credential|private).*");

    private final Config config;

    public ConfigurationResource(Config config) {
        this.config = config;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Map<String, String> effective() {
        Map<String, String> settings = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (!KEPT.matcher(name).matches() || name.startsWith("%")) {
                continue;
            }
            try {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> settings.put(name, SECRET.matcher(name).matches() ? "***" : value));
            } catch (NoSuchElementException | IllegalArgumentException unresolvable) {
                // an expression whose variable this profile leaves unset: not part of the effective configuration
            }
        }
        return settings;
    }
}
