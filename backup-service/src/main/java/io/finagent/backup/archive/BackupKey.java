package io.finagent.backup.archive;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The AES-256 key of the archives, read from a key file: 32 raw bytes, or their base64 (one
 * line). Its {@link #id()} is an HMAC of a constant under the key: an archive records it, so a
 * wrong key is told apart from a corrupt archive without revealing anything of the key. The key
 * itself is never printed: {@link #toString()} shows the id only.
 */
public final class BackupKey {

    private static final int BYTES = 32;

    private final SecretKey secret;
    private final byte[] id;

    private BackupKey(byte[] material) {
        this.secret = new SecretKeySpec(material, "AES");
        this.id = Arrays.copyOf(hmac(material, "finagent-backup-key-id"), 8);
        Arrays.fill(material, (byte) 0);
    }

    public static BackupKey of(byte[] material) {
        if (material.length != BYTES) {
            throw new IllegalArgumentException("a backup key is " + BYTES + " bytes (AES-256), not " + material.length);
        }
        return new BackupKey(material.clone());
    }

    /** Reads a key file; its path may be printed, its content never is. */
    public static BackupKey read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        if (content.length == BYTES) {
            return of(content);
        }
        try {
            return of(Base64.getDecoder().decode(new String(content, StandardCharsets.US_ASCII).strip()));
        } catch (IllegalArgumentException notAKey) {
            throw new IOException("key file " + file + " holds neither " + BYTES + " raw bytes nor their base64");
        }
    }

    SecretKey secret() {
        return secret;
    }

    byte[] idBytes() {
        return id.clone();
    }

    public String id() {
        return HexFormat.of().formatHex(id);
    }

    @Override
    public String toString() {
        return "BackupKey[id=" + id() + "]";
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
