package io.finagent.backup.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The archive keys. The first seals new archives; each opens the archives it sealed, found by the
 * key id an archive records. Rotation: put a new key first in the file and keep the old ones after
 * it for as long as archives sealed with them are kept. The key file holds one key as 32 raw
 * bytes, or keys in base64, one a line (blank lines and lines starting with # are skipped); its
 * path may be printed, its content never is.
 */
public final class BackupKeyring {

    private final List<BackupKey> keys;

    private BackupKeyring(List<BackupKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a keyring holds at least one key");
        }
        this.keys = List.copyOf(keys);
    }

    public static BackupKeyring of(BackupKey... keys) {
        return new BackupKeyring(Arrays.asList(keys));
    }

    public static BackupKeyring read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        if (content.length == BackupKey.BYTES) {
            return of(BackupKey.of(content));
        }
        List<BackupKey> keys = new ArrayList<>();
        int number = 0;
        for (String line : new String(content, StandardCharsets.US_ASCII).split("\n")) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            try {
                keys.add(BackupKey.of(Base64.getDecoder().decode(text)));
            } catch (IllegalArgumentException notAKey) {
                throw new IOException("key file " + file + ", line " + number + ": not the base64 of " + BackupKey.BYTES + " bytes");
            }
        }
        if (keys.isEmpty()) {
            throw new IOException("key file " + file + " holds neither " + BackupKey.BYTES + " raw bytes nor keys in base64");
        }
        return new BackupKeyring(keys);
    }

    /** The key new archives are sealed with. */
    public BackupKey sealing() {
        return keys.get(0);
    }

    Optional<BackupKey> opening(byte[] id) {
        return keys.stream().filter(k -> Arrays.equals(k.idBytes(), id)).findFirst();
    }

    /** The ids of its keys, sealing first. */
    public String ids() {
        return keys.stream().map(BackupKey::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "BackupKeyring[" + ids() + "]";
    }
}
