package io.finagent.backup.archive;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The archive file, format 2 (written since 2026-12-04): a header, the zstd-compressed content
 * sealed with Tink's streaming AEAD under the key the header names, and an end mark.
 * <pre>
 *   header:   "FABK" | version 2 | key id (8 bytes)
 *   sealed:   Tink AES-256-GCM-HKDF streaming ciphertext, 1 MiB segments, the header as associated data
 *   end mark: length of header and sealed (8 bytes) | "FAEND"
 * </pre>
 * Tink authenticates every segment, their order and the last one, so a changed, moved or cut
 * segment fails; the end mark only tells a cut-off archive (INCOMPLETE) from an altered one.
 * <p>
 * Format 1 (read only, for the archives written before): the header continues with an 8-byte
 * nonce prefix, then segments of {@code length (int) | AES-256-GCM ciphertext with its tag}, each
 * with the prefix and its index as nonce and the header, the index and whether it is the last as
 * associated data ({@link OpeningStream}).
 */
final class ArchiveFormat {

    static final byte[] MAGIC = "FABK".getBytes(StandardCharsets.US_ASCII);
    static final byte SEALED_BY_TINK = 2;
    static final byte SEGMENTS_OF_AES_GCM = 1;
    /** Magic, version and key id: format 2's header, and the start of format 1's. */
    static final int HEADER_BYTES = MAGIC.length + 1 + 8;
    static final byte[] END_MAGIC = "FAEND".getBytes(StandardCharsets.US_ASCII);
    static final int END_BYTES = 8 + END_MAGIC.length;
    static final int SEGMENT_BYTES = 1 << 20;

    /** Format 1: the header's nonce prefix, the segment's tag. */
    static final int V1_HEADER_BYTES = HEADER_BYTES + 8;
    static final int TAG_BITS = 128;
    static final int TAG_BYTES = TAG_BITS / 8;

    private ArchiveFormat() {
    }

    static byte[] header(byte[] keyId) {
        return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put(SEALED_BY_TINK).put(keyId).array();
    }

    static byte[] end(long length) {
        return ByteBuffer.allocate(END_BYTES).putLong(length).put(END_MAGIC).array();
    }

    /** Format 1: a cipher ready for segment {@code index}, nonce and associated data set. */
    static Cipher v1Cipher(BackupKey key, byte[] header, long index, boolean last) throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).put(header, HEADER_BYTES, 8).putInt(Math.toIntExact(index)).array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(header.length + 9).put(header).putLong(index).put((byte) (last ? 1 : 0)).array());
        return cipher;
    }
}
