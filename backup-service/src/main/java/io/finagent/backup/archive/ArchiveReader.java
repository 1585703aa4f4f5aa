package io.finagent.backup.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import io.finagent.backup.archive.ArchiveException.Reason;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
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

    public static Read verify(Path file, BackupKey key) throws IOException {
        return read(file, key, (name, data) -> data.transferTo(OutputStream.nullOutputStream()));
    }

    public static Read read(Path file, BackupKey key, EntryHandler handler) throws IOException {
        MessageDigest fileDigest = ArchiveWriter.sha256();
        try (InputStream raw = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), fileDigest);
             OpeningStream opened = new OpeningStream(raw, key);
             DataInputStream content = new DataInputStream(new BufferedInputStream(new ZstdInputStream(opened), 1 << 16))) {
            List<Manifest.Entry> found = new ArrayList<>();
            for (String name = content.readUTF(); !name.equals(ArchiveWriter.MANIFEST); name = content.readUTF()) {
                EntryInput entry = new EntryInput(content);
                handler.accept(name, entry);
                entry.transferTo(OutputStream.nullOutputStream());
                found.add(new Manifest.Entry(name, entry.bytes, HexFormat.of().formatHex(entry.digest.digest())));
            }
            byte[] json = new byte[content.readInt()];
            content.readFully(json);
            Manifest manifest = JSON.readValue(json, Manifest.class);
            if (!manifest.entries().equals(found)) {
                throw new ArchiveException(Reason.CORRUPT, "the entries read do not match the archive's manifest");
            }
            if (content.read() != -1) {
                throw new ArchiveException(Reason.CORRUPT, "data after the manifest");
            }
            return new Read(manifest, HexFormat.of().formatHex(fileDigest.digest()));
        }
    }

    /** One entry's chunks as a stream, hashed as they are read. */
    private static final class EntryInput extends InputStream {

        private final DataInputStream content;
        private final MessageDigest digest = ArchiveWriter.sha256();
        private int chunkLeft;
        private boolean ended;
        private long bytes;

        EntryInput(DataInputStream content) {
            this.content = content;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (chunkLeft == 0) {
                if (ended) {
                    return -1;
                }
                chunkLeft = content.readInt();
                if (chunkLeft < 0) {
                    throw new ArchiveException(Reason.CORRUPT, "an entry has a chunk of negative length");
                }
                ended = chunkLeft == 0;
            }
            int n = content.read(into, offset, Math.min(length, chunkLeft));
            if (n < 0) {
                throw new ArchiveException(Reason.INCOMPLETE, "an entry ends inside a chunk");
            }
            digest.update(into, offset, n);
            chunkLeft -= n;
            bytes += n;
            return n;
        }

        @Override
        public void close() {
            // the archive's stream stays open for the next entry
        }
    }
}
