package io.finagent.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The user a request acts for: the bearer token's subject. Every user-owned row is read and
 * written through {@link #id()}, so another user's row is simply not found (404, never the data).
 */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String id() {
        return idOf(identity);
    }

    /** The user of an identity established outside a request scope (a Vert.x route's). */
    public static String idOf(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        // the subject, not the principal name: MicroProfile JWT would prefer upn for that
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** The caller's bearer token as it arrived, to call another service on the caller's behalf (and so in its scope). */
    public String rawToken() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null) {
            return jwt.getRawToken();
        }
        throw new UnauthorizedException();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }
}
