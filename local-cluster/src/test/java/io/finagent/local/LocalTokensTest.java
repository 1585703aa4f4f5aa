package io.finagent.local;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens minted here are verified by another library (jose4j, which smallrye-jwt uses) with the public key written beside. */
class LocalTokensTest {

    @TempDir
    Path root;

    @Test
    void aMintedTokenVerifiesWithThePublicKeyAndCarriesTheClaimsTheServicesRead() throws Exception {
        LocalTokens tokens = new LocalTokens(new Layout(root, root.resolve(".run"), Ports.TEST));
        String token = tokens.mint("demo \"quoted\" user", List.of("agent", "admin"));

        JwtClaims claims = consumer(publicKey(tokens.publicKey())).processToClaims(token);
        assertEquals("finagent", claims.getIssuer());
        assertEquals("demo \"quoted\" user", claims.getSubject());
        assertEquals(List.of("agent", "admin"), claims.getStringListClaimValue("groups"));
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(30L * 24 * 3600, lifetime);
    }

    @Test
    void theKeyPairIsMadeOnceAndThePrivateHalfIsReadableByItsOwnerOnly() throws Exception {
        LocalTokens tokens = new LocalTokens(new Layout(root, root.resolve(".run"), Ports.TEST));
        Path publicKey = tokens.publicKey();
        String first = Files.readString(publicKey);
        tokens.mint("demo", List.of("agent"));
        assertEquals(first, Files.readString(publicKey), "the pair is kept, so tokens minted before stay valid");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(publicKey.resolveSibling("private.pem"))));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        LocalTokens ours = new LocalTokens(new Layout(root, root.resolve("a"), Ports.TEST));
        Path other = root.resolve("other");
        LocalTokens theirs = new LocalTokens(new Layout(other, other.resolve(".run"), Ports.TEST));
        String token = theirs.mint("mallory", List.of("admin"));
        assertThrows(InvalidJwtException.class, () -> consumer(publicKey(ours.publicKey())).processToClaims(token));
        assertTrue(token.split("\\.").length == 3);
    }

    private static org.jose4j.jwt.consumer.JwtConsumer consumer(PublicKey key) {
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer("finagent").setRequireExpirationTime().build();
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
