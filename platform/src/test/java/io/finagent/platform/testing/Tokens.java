package io.finagent.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.security.PrivateKey;
import java.time.Duration;

/** Bearer tokens signed with the test key pair the services trust in the test profile. */
public final class Tokens {

    private static final PrivateKey KEY = load();

    private Tokens() {
    }

    public static String agent(String userId) {
        return sign(userId, "agent", Duration.ofHours(1));
    }

    /** An agent's token that expires after {@code lifetime}. */
    public static String agent(String userId, Duration lifetime) {
        return sign(userId, "agent", lifetime);
    }

    public static String admin(String userId) {
        return sign(userId, "admin", Duration.ofHours(1));
    }

    /** A token with a role the services do not know (a read-only dashboard's, say): 403 wherever a role is needed. */
    public static String withRole(String userId, String role) {
        return sign(userId, role, Duration.ofHours(1));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String sign(String userId, String role, Duration lifetime) {
        // no upn on purpose: the user is the subject, as in tokens of other issuers
        return Jwt.issuer("finagent").subject(userId).groups(role)
                .expiresIn(lifetime).sign(KEY);
    }

    private static PrivateKey load() {
        try {
            return KeyUtils.readPrivateKey("test-keys/privateKey.pem");
        } catch (Exception e) {
            throw new IllegalStateException("test private key missing", e);
        }
    }
}
