package io.finagent.backup.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import io.finagent.backup.archive.ArchiveException.Reason;
import io.finagent.platform.export.ExportFrames;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads an archive back. Every segment is authenticated as it is read, every entry's SHA-256 is
 * compared with the manifest at the end, and so is the list of entries. An entry's bytes reach
 * the handler before the manifest is read: whoever must not act on a bad archive (a restore)
 * runs {@link #verify} over it first.
 */
public final class ArchiveReader {

    @FunctionalInterface
    public interface EntryHandler {
        /** Reads what it needs of {@code data}; the rest is skipped (and still checked). */
        void accept(String name, InputStream data) throws IOException;
    }

    /** What a read found: the manifest and the SHA-256 of the file as a whole. */
    public record Read(Manifest manifest, String sha256) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveReader() {
    }

    public static Read verify(Path file, BackupKeyring keys) throws IOException {
        return read(file, keys, (name, data) -> data.transferTo(OutputStream.nullOutputStream()));
    }

    public static Read read(Path file, BackupKeyring keys, EntryHandler handler) throws IOException {
        MessageDigest fileDigest = ArchiveWriter.sha256();
        try (InputStream raw = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), fileDigest);
             InputStream opened = open(file, raw, keys);
             InputStream content = new BufferedInputStream(new ZstdInputStream(opened), 1 << 16)) {
            ExportFrames.Reader frames = new ExportFrames.Reader(content);
            List<Manifest.Entry> found = new ArrayList<>();
            byte[] manifest = null;
            for (String name = frames.next(); name != null; name = frames.next()) {
                if (manifest != null) {
                    throw new ArchiveException(Reason.CORRUPT, "an entry after the manifest");
                }
                if (name.equals(ArchiveWriter.MANIFEST)) {
                    manifest = frames.data().readAllBytes();
                    continue;
                }
                Measured entry = new Measured(frames.data());
                handler.accept(name, entry);
                entry.transferTo(OutputStream.nullOutputStream());
                found.add(new Manifest.Entry(name, entry.bytes, HexFormat.of().formatHex(entry.digest.digest())));
            }
            Manifest written = manifest == null ? null : JSON.readValue(manifest, Manifest.class);
            if (written == null || !written.entries().equals(found)) {
                throw new ArchiveException(Reason.CORRUPT, "the entries read do not match the archive's manifest");
            }
            if (content.read() != -1) {
                throw new ArchiveException(Reason.CORRUPT, "data after the end of the entries");
            }
            return new Read(new Manifest(found, written.about()), HexFormat.of().formatHex(fileDigest.digest()));
        }
    }

    /**
     * The compressed content of {@code raw} (the stream of {@code file}), opened with the key its
     * header names: format 2, or format 1 for an archive written before it.
     */
    private static InputStream open(Path file, InputStream raw, BackupKeyring keys) throws IOException {
        byte[] header = new byte[ArchiveFormat.HEADER_BYTES];
        int read = raw.readNBytes(header, 0, header.length);
        byte version = read > 4 ? header[4] : 0;
        if (read < 5 || !Arrays.equals(header, 0, 4, ArchiveFormat.MAGIC, 0, 4)
                || version != ArchiveFormat.SEALED_BY_TINK && version != ArchiveFormat.SEGMENTS_OF_AES_GCM) {
            throw new ArchiveException(Reason.NOT_AN_ARCHIVE, "not a backup archive of format 1 or 2");
        }
        if (read < header.length) {
            throw new ArchiveException(Reason.INCOMPLETE, "the archive ends within its header: written incompletely or truncated");
        }
        byte[] keyId = Arrays.copyOfRange(header, 5, ArchiveFormat.HEADER_BYTES);
        BackupKey key = keys.opening(keyId).orElseThrow(() -> new ArchiveException(Reason.WRONG_KEY, "the archive was sealed with the key of id "
                + HexFormat.of().formatHex(keyId) + ", which is not in the keyring given (ids " + keys.ids() + ")"));
        if (version == ArchiveFormat.SEALED_BY_TINK) {
            return SealedContent.open(file, raw, key, header);
        }
        byte[] v1Header = Arrays.copyOf(header, ArchiveFormat.V1_HEADER_BYTES);
        if (raw.readNBytes(v1Header, ArchiveFormat.HEADER_BYTES, 8) < 8) {
            throw new ArchiveException(Reason.INCOMPLETE, "the archive ends within its header: written incompletely or truncated");
        }
        return new OpeningStream(raw, key, v1Header);
    }

    /** An entry's bytes, hashed and counted as they are read. */
    private static final class Measured extends FilterInputStream {

        private final MessageDigest digest = ArchiveWriter.sha256();
        private long bytes;

        Measured(InputStream data) {
            super(data);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int n = super.read(into, offset, length);
            if (n > 0) {
                digest.update(into, offset, n);
                bytes += n;
            }
            return n;
        }

        /** Skipped bytes are read all the same: each must be hashed. */
        @Override
        public long skip(long n) throws IOException {
            int read = read(new byte[(int) Math.min(Math.max(n, 0), 8192)]);
            return Math.max(read, 0);
        }

        @Override
        public void close() {
            // the archive's stream stays open for the next entry
        }
    }
}
