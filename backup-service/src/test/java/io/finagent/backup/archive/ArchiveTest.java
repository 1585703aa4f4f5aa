package io.finagent.backup.archive;

import io.finagent.backup.archive.ArchiveException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The archive file: compressed, encrypted in authenticated segments, with a manifest of checksums, written atomically. */
class ArchiveTest {

    @TempDir
    Path dir;

    private final BackupKey key = key(1);

    @Test
    void whatIsWrittenIsReadBackWithItsManifestAndChecksums() throws IOException {
        Map<String, byte[]> entries = sampleEntries();
        ArchiveWriter.Written written = write(dir.resolve("full-1.fab"), key, entries);

        assertEquals(Files.size(written.file()), written.sizeBytes());
        assertEquals(sha256(Files.readAllBytes(written.file())), written.sha256());
        assertFalse(Files.exists(dir.resolve("full-1.fab.partial")));
        assertEquals(entries.keySet().stream().toList(), written.manifest().entries().stream().map(Manifest.Entry::name).toList());
        assertEquals(sha256(entries.get("memory-service/decisions.jsonl")), written.manifest().entries().get(0).sha256());
        // random bytes do not compress: more than one segment; the text compresses to far less than it is
        assertTrue(written.sizeBytes() > ArchiveFormat.SEGMENT_BYTES * 2L);
        assertTrue(written.sizeBytes() < written.manifest().bytes());

        Map<String, byte[]> read = new LinkedHashMap<>();
        ArchiveReader.Read result = ArchiveReader.read(written.file(), key, (name, data) -> read.put(name, data.readAllBytes()));
        assertEquals(entries.keySet(), read.keySet());
        entries.forEach((name, bytes) -> assertArrayEquals(bytes, read.get(name), name));
        assertEquals(written.manifest(), result.manifest());
        assertEquals(written.sha256(), result.sha256());
    }

    @Test
    void anyFlippedByteFailsVerification() throws IOException {
        Path file = write(dir.resolve("a.fab"), key, sampleEntries()).file();
        byte[] good = Files.readAllBytes(file);
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            int at = i < 30 ? i : random.nextInt(good.length); // the whole header, then anywhere
            byte[] bad = good.clone();
            bad[at] ^= (byte) (1 + random.nextInt(255));
            Files.write(file, bad);
            assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, key), "flipped byte " + at);
        }
        byte[] bad = good.clone();
        bad[good.length / 2] ^= 1;
        Files.write(file, bad);
        ArchiveException corrupt = assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, key));
        assertEquals(Reason.CORRUPT, corrupt.reason());
        assertTrue(corrupt.getMessage().contains("authentication tag"), corrupt.getMessage());
    }

    @Test
    void swappedSegmentsFailVerification() throws IOException {
        Path file = write(dir.resolve("a.fab"), key, sampleEntries()).file();
        byte[] bytes = Files.readAllBytes(file);
        int first = ArchiveFormat.HEADER_BYTES;
        int length = java.nio.ByteBuffer.wrap(bytes, first, 4).getInt();
        int second = first + 4 + length;
        assertEquals(length, java.nio.ByteBuffer.wrap(bytes, second, 4).getInt(), "two full segments of equal size");
        byte[] swapped = bytes.clone();
        System.arraycopy(bytes, second, swapped, first, 4 + length);
        System.arraycopy(bytes, first, swapped, second, 4 + length);
        Files.write(file, swapped);
        assertEquals(Reason.CORRUPT, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, key)).reason());
    }

    @Test
    void aWrongKeyFailsCleanlyWithoutShowingAnyKey() throws IOException {
        Path file = write(dir.resolve("a.fab"), key, sampleEntries()).file();
        BackupKey other = key(2);
        ArchiveException wrong = assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, other));
        assertEquals(Reason.WRONG_KEY, wrong.reason());
        assertTrue(wrong.getMessage().contains(key.id()) && wrong.getMessage().contains(other.id()), wrong.getMessage());
        assertFalse(wrong.getMessage().contains(Base64.getEncoder().encodeToString(material(1))));
        assertEquals("BackupKey[id=" + key.id() + "]", key.toString());
    }

    @Test
    void aCrashBeforeFinishLeavesNoArchiveAndATruncatedOneIsIncomplete() throws IOException {
        Path target = dir.resolve("crashed.fab");
        ArchiveWriter crashed = ArchiveWriter.create(target, key, 3);
        try (OutputStream entry = crashed.entry("x")) {
            entry.write(new byte[3 << 20]);
        }
        // the process dies here: nothing renamed, only the partial file
        assertFalse(Files.exists(target));
        assertTrue(Files.exists(dir.resolve("crashed.fab.partial")));
        crashed.close(); // a writer closed without finish cleans up after itself
        assertFalse(Files.exists(dir.resolve("crashed.fab.partial")));

        Path file = write(dir.resolve("b.fab"), key, sampleEntries()).file();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertEquals(Reason.INCOMPLETE, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, key)).reason());
        Files.write(file, java.util.Arrays.copyOf(bytes, ArchiveFormat.HEADER_BYTES));
        assertEquals(Reason.INCOMPLETE, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, key)).reason());
        Files.write(file, "not an archive".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Reason.NOT_AN_ARCHIVE, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, key)).reason());
    }

    @Test
    void aKeyFileHoldsRawBytesOrBase64AndNothingElse() throws IOException {
        Path raw = Files.write(dir.resolve("raw.key"), material(1));
        Path base64 = Files.writeString(dir.resolve("b64.key"), Base64.getEncoder().encodeToString(material(1)) + "\n");
        assertEquals(key.id(), BackupKey.read(raw).id());
        assertEquals(key.id(), BackupKey.read(base64).id());
        Path shortKey = Files.write(dir.resolve("short.key"), new byte[31]);
        IOException refused = assertThrows(IOException.class, () -> BackupKey.read(shortKey));
        assertTrue(refused.getMessage().contains("short.key"), refused.getMessage());
    }

    private static ArchiveWriter.Written write(Path target, BackupKey key, Map<String, byte[]> entries) throws IOException {
        try (ArchiveWriter writer = ArchiveWriter.create(target, key, 3)) {
            for (var entry : entries.entrySet()) {
                try (OutputStream out = writer.entry(entry.getKey())) {
                    out.write(entry.getValue());
                }
            }
            return writer.finish();
        }
    }

    private static Map<String, byte[]> sampleEntries() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int i = 0; i < 20_000; i++) {
            text.writeBytes(("{\"id\":" + i + ",\"symbol\":\"AAPL\",\"action\":\"BUY\",\"quantity\":\"10.5\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] noise = new byte[(5 << 20) / 2];
        new Random(42).nextBytes(noise);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("memory-service/decisions.jsonl", text.toByteArray());
        entries.put("memory-service/embeddings.bin", noise);
        entries.put("strategy-service/empty.jsonl", new byte[0]);
        return entries;
    }

    private static byte[] material(int seed) {
        byte[] bytes = new byte[32];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static BackupKey key(int seed) {
        return BackupKey.of(material(seed));
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(ArchiveWriter.sha256().digest(bytes));
    }
}
