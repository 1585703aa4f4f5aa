package io.finagent.platform.backup;

import io.finagent.platform.config.EffectiveConfiguration;
import io.finagent.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.Map;

/** A service's effective configuration for configuration backups, admin only: the values, secrets shown as "***". */
@Path("/api/v1/backup/configuration")
public class ConfigurationResource {

    private final EffectiveConfiguration configuration;

    public ConfigurationResource(EffectiveConfiguration configuration) {
        this.configuration = configuration;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Map<String, String> effective() {
        return configuration.values();
    }
}
