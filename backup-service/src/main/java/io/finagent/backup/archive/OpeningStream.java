package io.finagent.backup.archive;

import io.finagent.backup.archive.ArchiveException.Reason;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads an archive file's segments back, each checked by its tag before a byte of it is
 * returned. The key id in the header tells a wrong key from a corrupt archive; a file that
 * ends without a last segment is incomplete.
 */
final class OpeningStream extends InputStream {

    private final DataInputStream file;
    private final BackupKey key;
    private final byte[] header = new byte[ArchiveFormat.HEADER_BYTES];
    private byte[] segment = new byte[0];
    private int position;
    private long index;
    private boolean lastSeen;

    OpeningStream(InputStream file, BackupKey key) throws IOException {
        this.file = new DataInputStream(file);
        this.key = key;
        try {
            this.file.readFully(header);
        } catch (EOFException e) {
            throw new ArchiveException(Reason.NOT_AN_ARCHIVE, "too short to be a backup archive");
        }
        if (!Arrays.equals(header, 0, 4, ArchiveFormat.MAGIC, 0, 4) || header[4] != ArchiveFormat.VERSION) {
            throw new ArchiveException(Reason.NOT_AN_ARCHIVE, "not a backup archive of format version " + ArchiveFormat.VERSION);
        }
        byte[] keyId = Arrays.copyOfRange(header, 5, 13);
        if (!Arrays.equals(keyId, key.idBytes())) {
            throw new ArchiveException(Reason.WRONG_KEY, "the archive was written with the key of id "
                    + HexFormat.of().formatHex(keyId) + ", not with the key given (id " + key.id() + ")");
        }
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return segment[position++] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, segment.length - position);
        System.arraycopy(segment, position, bytes, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        while (position == segment.length) {
            if (lastSeen) {
                if (file.read() != -1) {
                    throw new ArchiveException(Reason.CORRUPT, "bytes after the last segment");
                }
                return false;
            }
            openNext();
        }
        return true;
    }

    private void openNext() throws IOException {
        byte[] sealed;
        try {
            int length = file.readInt();
            if (length < ArchiveFormat.TAG_BYTES || length > ArchiveFormat.SEGMENT_BYTES + ArchiveFormat.TAG_BYTES) {
                throw new ArchiveException(Reason.CORRUPT, "segment " + index + " has an impossible length " + length);
            }
            sealed = new byte[length];
            file.readFully(sealed);
        } catch (EOFException e) {
            throw new ArchiveException(Reason.INCOMPLETE, "the archive ends at segment " + index
                    + " before its last segment: written incompletely or truncated");
        }
        segment = open(sealed, false);
        if (segment == null) {
            segment = open(sealed, true);
            if (segment == null) {
                throw new ArchiveException(Reason.CORRUPT, "segment " + index + " fails its authentication tag: the archive was altered");
            }
            lastSeen = true;
        }
        position = 0;
        index++;
    }

    /** The segment's bytes, or null if its tag does not match as a middle (or last) segment. */
    private byte[] open(byte[] sealed, boolean last) throws IOException {
        try {
            return ArchiveFormat.cipher(Cipher.DECRYPT_MODE, key, header, index, last).doFinal(sealed);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IOException("opening segment " + index + " failed", e);
        }
    }
}
