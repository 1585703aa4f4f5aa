package io.finagent.platform.config;

import io.finagent.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.Map;

/** The effective configuration, admin only: each setting's value (secrets masked) and its source. */
@Path("/api/v1/admin/configuration")
public class EffectiveConfigurationResource {

    private final EffectiveConfiguration configuration;

    public EffectiveConfigurationResource(EffectiveConfiguration configuration) {
        this.configuration = configuration;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Map<String, EffectiveConfiguration.Setting> effective() {
        return configuration.settings();
    }
}
