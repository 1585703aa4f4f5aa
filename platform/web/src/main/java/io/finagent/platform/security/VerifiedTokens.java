package io.finagent.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer-token parser of every service, remembering each token it verified until that token
 * expires. An agent sends the same token with every call; checking its RSA signature and claims
 * again each time was a fifth of the CPU of recording a decision. Only tokens that passed the
 * full check are remembered, keyed by the whole token (signature included), so a changed token
 * is checked from scratch. A rotated key does not end tokens verified before: they live to
 * their expiry, as they would with any stateless check.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    /** Plenty for the agents of one deployment; when full, expired tokens go, or all if none has. */
    static final int CAPACITY = 10_000;

    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        JsonWebToken known = verified.get(token);
        if (known != null && now < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken checked = super.parse(token);
        if (now < checked.getExpirationTime()) {
            makeRoom(now);
            verified.put(token, checked);
        }
        return checked;
    }

    private void makeRoom(long now) {
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(jwt -> now >= jwt.getExpirationTime());
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
    }
}
