package io.finagent.backup.archive;

import io.finagent.backup.archive.ArchiveException.Reason;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The content of an archive of format 2 ({@link ArchiveFormat}), sealed and opened with Tink's
 * streaming AEAD. Opening checks the end mark first: without it the archive was cut off (written
 * incompletely, or a truncated copy); with it, any failure of Tink's authentication is an
 * alteration. A failure to read the file itself stays the I/O error it is.
 */
final class SealedContent {

    private SealedContent() {
    }

    /** Seals what is written to the returned stream into {@code file} after {@code header}; its close ends the sealed part, not the file. */
    static OutputStream seal(OutputStream file, BackupKey key, byte[] header) throws IOException {
        try {
            return key.streaming().newEncryptingStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    file.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    file.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    file.flush(); // the end mark comes after
                }
            }, header);
        } catch (GeneralSecurityException e) {
            throw new IOException("sealing an archive failed", e);
        }
    }

    /**
     * The plaintext of {@code raw}, positioned after the {@code header} of {@code file}: read to
     * its end, it has consumed the end mark too (so a digest of {@code raw} covers the whole file).
     */
    static InputStream open(Path file, InputStream raw, BackupKey key, byte[] header) throws IOException {
        long sealed = sealedLength(file);
        Bounded ciphertext = new Bounded(raw, sealed);
        InputStream plaintext;
        try {
            plaintext = key.streaming().newDecryptingStream(ciphertext, header);
        } catch (GeneralSecurityException e) {
            throw new IOException("opening an archive failed", e);
        }
        return new FilterInputStream(plaintext) {
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                if (ended) {
                    return -1;
                }
                int n;
                try {
                    n = super.read(into, offset, length);
                } catch (IOException e) {
                    throw ciphertext.failed != null ? ciphertext.failed : new ArchiveException(Reason.CORRUPT,
                            "the archive fails its authentication tag: it was altered", e);
                }
                if (n == -1) {
                    ended = true;
                    raw.readNBytes(ArchiveFormat.END_BYTES); // checked before, read now for the file's digest
                }
                return n;
            }
        };
    }

    /** The length of the sealed part, once the end mark says the file is whole. */
    private static long sealedLength(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer end = ByteBuffer.allocate(ArchiveFormat.END_BYTES);
            long sealed = size - ArchiveFormat.HEADER_BYTES - ArchiveFormat.END_BYTES;
            if (sealed > 0) {
                channel.read(end, size - ArchiveFormat.END_BYTES);
            }
            if (sealed <= 0 || end.getLong(0) != size - ArchiveFormat.END_BYTES
                    || !Arrays.equals(end.array(), 8, ArchiveFormat.END_BYTES, ArchiveFormat.END_MAGIC, 0, ArchiveFormat.END_MAGIC.length)) {
                throw new ArchiveException(Reason.INCOMPLETE, "the archive ends before its end mark: written incompletely or truncated");
            }
            return sealed;
        }
    }

    /** The first {@code remaining} bytes of a stream; remembers a failure of the stream itself. */
    private static final class Bounded extends InputStream {

        private final InputStream in;
        private long remaining;
        IOException failed;

        Bounded(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            try {
                int n = in.read(into, offset, (int) Math.min(length, remaining));
                if (n > 0) {
                    remaining -= n;
                }
                return n;
            } catch (IOException e) {
                failed = e;
                throw e;
            }
        }
    }
}
