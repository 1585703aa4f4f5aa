package io.finagent.backup.archive;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The archive file: a header, then the zstd-compressed content cut into segments, each sealed
 * with AES-256-GCM on its own (the JDK's GCM holds a whole message in memory before it checks
 * the tag, so one message per archive would not stream).
 * <pre>
 *   header:  "FABK" | version 1 | key id (8 bytes) | nonce prefix (8 random bytes)
 *   segment: length (int) | ciphertext with its 16-byte tag
 * </pre>
 * A segment's nonce is the archive's prefix and the segment's index; its associated data is the
 * header, the index and whether it is the last. So segments cannot be reordered, moved to
 * another archive or cut off at the end without the tag saying so.
 */
final class ArchiveFormat {

    static final byte[] MAGIC = "FABK".getBytes(StandardCharsets.US_ASCII);
    static final byte VERSION = 1;
    static final int HEADER_BYTES = MAGIC.length + 1 + 8 + 8;
    static final int SEGMENT_BYTES = 1 << 20;
    static final int TAG_BITS = 128;
    static final int TAG_BYTES = TAG_BITS / 8;

    private ArchiveFormat() {
    }

    static byte[] header(byte[] keyId, byte[] noncePrefix) {
        return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put(VERSION).put(keyId).put(noncePrefix).array();
    }

    /** A cipher ready for segment {@code index}: nonce and associated data set. */
    static Cipher cipher(int mode, BackupKey key, byte[] header, long index, boolean last) throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).put(header, MAGIC.length + 1 + 8, 8).putInt(Math.toIntExact(index)).array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(header.length + 9).put(header).putLong(index).put((byte) (last ? 1 : 0)).array());
        return cipher;
    }
}
