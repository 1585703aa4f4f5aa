package io.finagent.platform.testing;

import io.finagent.local.LocalTokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;

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
        return LocalTokens.sign(KEY, userId, List.of(role), lifetime);
    }

    private static PrivateKey load() {
        try {
            return LocalTokens.privateKey(new String(Tokens.class.getResourceAsStream("/test-keys/privateKey.pem").readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("test private key missing", e);
        }
    }
}
