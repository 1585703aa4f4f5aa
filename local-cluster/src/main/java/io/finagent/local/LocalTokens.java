package io.finagent.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bearer tokens the services accept: RS256 (the JDK's RSA signature), issuer {@code finagent}, the
 * user as subject, the roles in {@code groups}. The local cluster's key pair lives in {@code .run/keys}
 * (PEM, as openssl writes it); the tests sign with their own key through {@link #sign}.
 */
public final class LocalTokens {

    private final Path keys;

    public LocalTokens(Layout layout) {
        this.keys = layout.keys();
    }

    /** The public key the services verify with (made with the pair on first use). */
    public Path publicKey() {
        ensureKeys();
        return keys.resolve("public.pem");
    }

    /** A token of the local cluster, valid 30 days. */
    public String mint(String subject, List<String> roles) {
        ensureKeys();
        return mint(keys.resolve("private.pem"), subject, roles);
    }

    /** Signed with another key (a Kubernetes overlay's, say), valid 30 days. */
    public String mint(Path privateKey, String subject, List<String> roles) {
        try {
            return sign(privateKey(Files.readString(privateKey)), subject, roles, Duration.ofDays(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sign(PrivateKey key, String subject, List<String> roles, Duration lifetime) {
        long now = Instant.now().getEpochSecond();
        String groups = roles.stream().map(LocalTokens::quoted).collect(Collectors.joining(",", "[", "]"));
        String claims = "{\"iss\":\"finagent\",\"sub\":%s,\"groups\":%s,\"iat\":%d,\"exp\":%d}"
                .formatted(quoted(subject), groups, now, now + lifetime.toSeconds());
        String unsigned = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + base64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    /** A PKCS#8 RSA private key from its PEM text. */
    public static PrivateKey privateKey(String pem) {
        try {
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private void ensureKeys() {
        if (Files.exists(keys.resolve("private.pem")) && Files.exists(keys.resolve("public.pem"))) {
            return;
        }
        try {
            // stderr: a script reads the token or the path from stdout
            Console.warn("keys: generating an RSA 2048 key pair in " + keys);
            Files.createDirectories(keys);
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writePem(keys.resolve("private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded(), "rw-------");
            writePem(keys.resolve("public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded(), "rw-r--r--");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePem(Path file, String type, byte[] der, String permissions) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(permissions));
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A JSON string. */
    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
