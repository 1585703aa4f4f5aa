package io.finagent.backup.archive;

import io.finagent.backup.archive.ArchiveException.Reason;

import javax.crypto.AEADBadTagException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;

/**
 * Reads the segments of an archive of format 1 back ({@link ArchiveFormat}), each checked by its
 * tag before a byte of it is returned; a file that ends without a last segment is incomplete.
 */
final class OpeningStream extends InputStream {

    private final DataInputStream file;
    private final BackupKey key;
    private final byte[] header;
    private byte[] segment = new byte[0];
    private int position;
    private long index;
    private boolean lastSeen;

    /** {@code file} positioned after {@code header}, which was read and whose key id is {@code key}'s. */
    OpeningStream(InputStream file, BackupKey key, byte[] header) {
        this.file = new DataInputStream(file);
        this.key = key;
        this.header = header;
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
            return ArchiveFormat.v1Cipher(key, header, index, last).doFinal(sealed);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IOException("opening segment " + index + " failed", e);
        }
    }
}
