package io.finagent.backup.archive;

import javax.crypto.Cipher;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/** Cuts what is written into segments and seals each ({@link ArchiveFormat}); {@link #finish()} seals the last. */
final class SealingStream extends OutputStream {

    private final DataOutputStream file;
    private final BackupKey key;
    private final byte[] header;
    private final byte[] buffer = new byte[ArchiveFormat.SEGMENT_BYTES];
    private int filled;
    private long index;

    SealingStream(OutputStream file, BackupKey key, byte[] header) throws IOException {
        this.file = new DataOutputStream(file);
        this.key = key;
        this.header = header;
        this.file.write(header);
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == buffer.length) {
            seal(false);
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == buffer.length) {
                seal(false);
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    /** Seals what is buffered as the last segment; the file stays open for the caller to sync. */
    void finish() throws IOException {
        seal(true);
        file.flush();
    }

    @Override
    public void flush() {
        // a segment is written when full or at finish: flushing the compressor must not cut one short
    }

    private void seal(boolean last) throws IOException {
        try {
            Cipher cipher = ArchiveFormat.cipher(Cipher.ENCRYPT_MODE, key, header, index++, last);
            byte[] sealed = cipher.doFinal(buffer, 0, filled);
            file.writeInt(sealed.length);
            file.write(sealed);
            filled = 0;
        } catch (GeneralSecurityException e) {
            throw new IOException("sealing segment " + (index - 1) + " failed", e);
        }
    }
}
