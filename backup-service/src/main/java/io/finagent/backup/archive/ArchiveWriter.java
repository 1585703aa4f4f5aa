package io.finagent.backup.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdOutputStream;
import io.finagent.platform.export.ExportFrames;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes an archive: entries one after another ({@link #entry}), then {@link #finish}, which
 * writes the manifest and the last segment, syncs the file and only then renames it from
 * {@code <name>.partial} to its name. A crash before that leaves a {@code .partial} file that no
 * reader takes for an archive; {@link #close()} without finish deletes it.
 * Inside the compressed stream the entries are {@link ExportFrames}, as a service sends them,
 * the manifest the last of them.
 */
public final class ArchiveWriter implements AutoCloseable {

    /** The reserved name of the manifest, the last record of every archive. */
    static final String MANIFEST = "\u0000manifest";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was written: the file, its size and SHA-256, and the manifest. */
    public record Written(Path file, long sizeBytes, String sha256, Manifest manifest) {
    }

    private final Path target;
    private final Path partial;
    private final FileChannel channel;
    private final MessageDigest fileDigest = sha256();
    private final OutputStream file;
    private final OutputStream sealed;
    private final OutputStream compressed;
    private final ExportFrames.Writer frames;
    private final List<Manifest.Entry> entries = new ArrayList<>();
    private boolean open = true;
    private boolean finished;

    private ArchiveWriter(Path target, BackupKey key, int level) throws IOException {
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        this.file = new BufferedOutputStream(new DigestOutputStream(Channels.newOutputStream(channel), fileDigest), 1 << 16);
        byte[] header = ArchiveFormat.header(key.idBytes());
        file.write(header);
        this.sealed = SealedContent.seal(file, key, header);
        this.compressed = new ZstdOutputStream(sealed, level);
        this.frames = new ExportFrames.Writer(compressed);
    }

    /** A new archive at {@code target}, sealed with the keyring's sealing key. */
    public static ArchiveWriter create(Path target, BackupKeyring keys, int compressionLevel) throws IOException {
        return new ArchiveWriter(target, keys.sealing(), compressionLevel);
    }

    /** The stream of one entry; close it before the next. */
    public OutputStream entry(String name) throws IOException {
        if (!open) {
            throw new IllegalStateException("an entry is still open, or the archive is finished");
        }
        if (name.isEmpty() || name.charAt(0) == '\u0000') {
            throw new IllegalArgumentException("entry names are not empty and do not start with NUL");
        }
        open = false;
        return new EntryStream(name, frames.entry(name));
    }

    public Written finish() throws IOException {
        return finish(null);
    }

    /** Ends the archive with its manifest, which records {@code about}: what the archive is, in the writer's words. */
    public Written finish(Map<String, Object> about) throws IOException {
        if (!open) {
            throw new IllegalStateException("an entry is still open, or the archive is finished");
        }
        open = false;
        try (OutputStream manifest = frames.entry(MANIFEST)) {
            manifest.write(JSON.writeValueAsBytes(new Manifest(List.copyOf(entries), about)));
        }
        frames.finish();
        compressed.close(); // ends the zstd frame, then the sealed part (its last segment), not the file
        file.flush();
        file.write(ArchiveFormat.end(channel.position())); // flushed: the channel has every byte so far
        file.flush();
        channel.force(true);
        long size = channel.size();
        channel.close();
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true); // the rename itself survives a crash
        }
        finished = true;
        return new Written(target, size, HexFormat.of().formatHex(fileDigest.digest()), new Manifest(List.copyOf(entries), about));
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            channel.close();
            Files.deleteIfExists(partial);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private final class EntryStream extends OutputStream {

        private final String name;
        private final OutputStream framed;
        private final MessageDigest digest = sha256();
        private long bytes;
        private boolean closed;

        EntryStream(String name, OutputStream framed) {
            this.name = name;
            this.framed = framed;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            framed.write(data, offset, length);
            digest.update(data, offset, length);
            bytes += length;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            framed.close();
            entries.add(new Manifest.Entry(name, bytes, HexFormat.of().formatHex(digest.digest())));
            open = true;
        }
    }
}
