package io.finagent.backup.archive;

import com.google.crypto.tink.AccessesPartialKey;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import com.google.crypto.tink.util.SecretBytes;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One archive key: 32 bytes of key material. Archives of format 2 are sealed with it as Tink's
 * streaming AEAD, AES-256-GCM-HKDF with SHA-256 and 1 MiB segments (each archive gets its own
 * key, derived from this one and a random salt); archives of format 1 were sealed with it as an
 * AES-256 key directly. Its {@link #id()} is an HMAC of a constant under the key: an archive
 * records it, so a wrong key is told apart from a corrupt archive without revealing anything of
 * the key. The key itself is never printed: {@link #toString()} shows the id only.
 */
public final class BackupKey {

    static final int BYTES = 32;

    static {
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's streaming AEAD does not register", e);
        }
    }

    private final SecretKey secret;
    private final StreamingAead streaming;
    private final byte[] id;

    private BackupKey(byte[] material) {
        this.secret = new SecretKeySpec(material, "AES");
        this.streaming = streamingAead(material);
        this.id = Arrays.copyOf(hmac(material, "finagent-backup-key-id"), 8);
        Arrays.fill(material, (byte) 0);
    }

    public static BackupKey of(byte[] material) {
        if (material.length != BYTES) {
            throw new IllegalArgumentException("a backup key is " + BYTES + " bytes (AES-256), not " + material.length);
        }
        return new BackupKey(material.clone());
    }

    /** Format 1: the AES-256 key of its segments. */
    SecretKey secret() {
        return secret;
    }

    /** Format 2: the streaming AEAD that seals and opens the archive. */
    StreamingAead streaming() {
        return streaming;
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

    /** Tink's documented way in for key material held outside a Tink keyset: the key imported into a keyset of one. */
    @AccessesPartialKey
    private static StreamingAead streamingAead(byte[] material) {
        try {
            AesGcmHkdfStreamingParameters parameters = AesGcmHkdfStreamingParameters.builder()
                    .setKeySizeBytes(BYTES)
                    .setDerivedAesGcmKeySizeBytes(BYTES)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(ArchiveFormat.SEGMENT_BYTES)
                    .build();
            AesGcmHkdfStreamingKey key = AesGcmHkdfStreamingKey.create(parameters,
                    SecretBytes.copyFrom(material, InsecureSecretKeyAccess.get()));
            return KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build()
                    .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink refused a 32-byte AES-GCM-HKDF key", e);
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
