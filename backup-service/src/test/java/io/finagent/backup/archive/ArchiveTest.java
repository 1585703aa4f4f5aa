package io.finagent.backup.archive;

import io.finagent.backup.archive.ArchiveException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive file: compressed, sealed with Tink's streaming AEAD under a keyring's first key, with
 * a manifest of checksums, written atomically; archives of format 1 still read.
 */
class ArchiveTest {

    @TempDir
    Path dir;

    private final BackupKey key = key(1);
    private final BackupKeyring keys = BackupKeyring.of(key);

    @Test
    void whatIsWrittenIsReadBackWithItsManifestAndChecksums() throws IOException {
        Map<String, byte[]> entries = sampleEntries();
        ArchiveWriter.Written written = write(dir.resolve("full-1.fab"), keys, entries);

        assertEquals(Files.size(written.file()), written.sizeBytes());
        assertEquals(sha256(Files.readAllBytes(written.file())), written.sha256());
        assertFalse(Files.exists(dir.resolve("full-1.fab.partial")));
        assertEquals(entries.keySet().stream().toList(), written.manifest().entries().stream().map(Manifest.Entry::name).toList());
        assertEquals(sha256(entries.get("memory-service/decisions.jsonl")), written.manifest().entries().get(0).sha256());
        // random bytes do not compress: more than one segment; the text compresses to far less than it is
        assertTrue(written.sizeBytes() > ArchiveFormat.SEGMENT_BYTES * 2L);
        assertTrue(written.sizeBytes() < written.manifest().bytes());

        Map<String, byte[]> read = new LinkedHashMap<>();
        ArchiveReader.Read result = ArchiveReader.read(written.file(), keys, (name, data) -> read.put(name, data.readAllBytes()));
        assertEquals(entries.keySet(), read.keySet());
        entries.forEach((name, bytes) -> assertArrayEquals(bytes, read.get(name), name));
        assertEquals(written.manifest(), result.manifest());
        assertEquals(written.sha256(), result.sha256());
        byte[] file = Files.readAllBytes(written.file());
        assertArrayEquals(ArchiveFormat.header(key.idBytes()), Arrays.copyOf(file, ArchiveFormat.HEADER_BYTES), "format 2, its key's id");
        assertArrayEquals(ArchiveFormat.end(file.length - ArchiveFormat.END_BYTES),
                Arrays.copyOfRange(file, file.length - ArchiveFormat.END_BYTES, file.length), "the end mark");
    }

    @Test
    void anyFlippedByteFailsVerification() throws IOException {
        Path file = write(dir.resolve("a.fab"), keys, sampleEntries()).file();
        byte[] good = Files.readAllBytes(file);
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            int at = i < 30 ? i : random.nextInt(good.length); // the whole header, then anywhere
            byte[] bad = good.clone();
            bad[at] ^= (byte) (1 + random.nextInt(255));
            Files.write(file, bad);
            assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, keys), "flipped byte " + at);
        }
        byte[] bad = good.clone();
        bad[good.length / 2] ^= 1;
        Files.write(file, bad);
        ArchiveException corrupt = assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, keys));
        assertEquals(Reason.CORRUPT, corrupt.reason());
        assertTrue(corrupt.getMessage().contains("authentication tag"), corrupt.getMessage());
    }

    @Test
    void swappedSegmentsFailVerification() throws IOException {
        byte[] noise = new byte[4 << 20]; // does not compress: segments 1 and 2 are whole, of 1 MiB each
        new Random(3).nextBytes(noise);
        Path file = write(dir.resolve("a.fab"), keys, Map.of("noise.bin", noise)).file();
        byte[] bytes = Files.readAllBytes(file);
        // Tink's first segment shares the first 1 MiB with its own header, the later ones follow at each MiB
        int first = ArchiveFormat.HEADER_BYTES + ArchiveFormat.SEGMENT_BYTES;
        int second = first + ArchiveFormat.SEGMENT_BYTES;
        byte[] swapped = bytes.clone();
        System.arraycopy(bytes, second, swapped, first, ArchiveFormat.SEGMENT_BYTES);
        System.arraycopy(bytes, first, swapped, second, ArchiveFormat.SEGMENT_BYTES);
        Files.write(file, swapped);
        assertEquals(Reason.CORRUPT, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, keys)).reason());
        Files.write(file, bytes);
        assertEquals(1, ArchiveReader.verify(file, keys).manifest().entries().size(), "unswapped, it reads");
    }

    @Test
    void aWrongKeyFailsCleanlyWithoutShowingAnyKey() throws IOException {
        Path file = write(dir.resolve("a.fab"), keys, sampleEntries()).file();
        BackupKey other = key(2);
        ArchiveException wrong = assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, BackupKeyring.of(other)));
        assertEquals(Reason.WRONG_KEY, wrong.reason());
        assertTrue(wrong.getMessage().contains(key.id()) && wrong.getMessage().contains(other.id()), wrong.getMessage());
        assertFalse(wrong.getMessage().contains(Base64.getEncoder().encodeToString(material(1))));
        assertEquals("BackupKey[id=" + key.id() + "]", key.toString());
    }

    @Test
    void aCrashBeforeFinishLeavesNoArchiveAndATruncatedOneIsIncomplete() throws IOException {
        Path target = dir.resolve("crashed.fab");
        ArchiveWriter crashed = ArchiveWriter.create(target, keys, 3);
        try (OutputStream entry = crashed.entry("x")) {
            entry.write(new byte[3 << 20]);
        }
        // the process dies here: nothing renamed, only the partial file
        assertFalse(Files.exists(target));
        assertTrue(Files.exists(dir.resolve("crashed.fab.partial")));
        crashed.close(); // a writer closed without finish cleans up after itself
        assertFalse(Files.exists(dir.resolve("crashed.fab.partial")));

        Path file = write(dir.resolve("b.fab"), keys, sampleEntries()).file();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
        assertEquals(Reason.INCOMPLETE, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, keys)).reason());
        Files.write(file, Arrays.copyOf(bytes, ArchiveFormat.HEADER_BYTES));
        assertEquals(Reason.INCOMPLETE, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, keys)).reason());
        Files.write(file, "not an archive".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Reason.NOT_AN_ARCHIVE, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, keys)).reason());
    }

    @Test
    void aKeyFileHoldsRawBytesOrBase64AndNothingElse() throws IOException {
        Path raw = Files.write(dir.resolve("raw.key"), material(1));
        Path base64 = Files.writeString(dir.resolve("b64.key"), Base64.getEncoder().encodeToString(material(1)) + "\n");
        assertEquals(key.id(), BackupKeyring.read(raw).sealing().id());
        assertEquals(key.id(), BackupKeyring.read(base64).sealing().id());
        Path shortKey = Files.write(dir.resolve("short.key"), new byte[31]);
        IOException refused = assertThrows(IOException.class, () -> BackupKeyring.read(shortKey));
        assertTrue(refused.getMessage().contains("short.key"), refused.getMessage());
        assertFalse(refused.getMessage().contains(Base64.getEncoder().encodeToString(new byte[31])));
    }

    @Test
    void aRotatedKeyringSealsWithItsNewKeyAndOpensWhatEachOfItsKeysSealed() throws IOException {
        Path old = write(dir.resolve("old.fab"), keys, sampleEntries()).file();
        Path rotated = Files.writeString(dir.resolve("rotated.key"), "# the new key first; the old one opens the older archives\n"
                + Base64.getEncoder().encodeToString(material(2)) + "\n\n" + Base64.getEncoder().encodeToString(material(1)) + "\n");
        BackupKeyring keyring = BackupKeyring.read(rotated);
        assertEquals(key(2).id() + ", " + key.id(), keyring.ids());
        Path fresh = write(dir.resolve("new.fab"), keyring, sampleEntries()).file();
        assertArrayEquals(ArchiveFormat.header(key(2).idBytes()), Arrays.copyOf(Files.readAllBytes(fresh), ArchiveFormat.HEADER_BYTES),
                "sealed with the new key");
        assertEquals(3, ArchiveReader.verify(old, keyring).manifest().entries().size());
        assertEquals(3, ArchiveReader.verify(fresh, keyring).manifest().entries().size());
        assertEquals(Reason.WRONG_KEY, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(fresh, keys)).reason(),
                "the old key alone does not open what the new one sealed");
    }

    @Test
    void anArchiveOfFormat1StillReadsAndStillFailsWhenAltered() throws IOException, URISyntaxException {
        // written by the format-1 code of 2026-12-04 with key(1): decisions.jsonl (2,000 lines) and an empty entry
        Path file = dir.resolve("format-1.fab");
        Files.copy(Path.of(getClass().getResource("/archives/format-1.fab").toURI()), file);
        Map<String, byte[]> read = new LinkedHashMap<>();
        ArchiveReader.Read result = ArchiveReader.read(file, BackupKeyring.of(key(2), key), (name, data) -> read.put(name, data.readAllBytes()));
        assertEquals(List.of("memory-service/decisions.jsonl", "strategy-service/empty.jsonl"), List.copyOf(read.keySet()));
        assertEquals(54_890, read.get("memory-service/decisions.jsonl").length);
        assertTrue(new String(read.get("memory-service/decisions.jsonl"), StandardCharsets.UTF_8).startsWith("{\"id\":0,\"symbol\":\"AAPL\"}\n"));
        assertEquals("d2dd744a9670370e2d3b87b8578d6b7ab0e82476b3dbf3c0e45e0b6f5cc08c41", result.manifest().entries().get(0).sha256());
        assertEquals(Reason.WRONG_KEY, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, BackupKeyring.of(key(2)))).reason());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertEquals(Reason.CORRUPT, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, keys)).reason());
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
        assertEquals(Reason.INCOMPLETE, assertThrows(ArchiveException.class, () -> ArchiveReader.verify(file, keys)).reason());
    }

    private static ArchiveWriter.Written write(Path target, BackupKeyring keys, Map<String, byte[]> entries) throws IOException {
        try (ArchiveWriter writer = ArchiveWriter.create(target, keys, 3)) {
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
