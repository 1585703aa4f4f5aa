package io.finagent.backup.service;

import io.finagent.backup.archive.BackupKeyring;
import io.finagent.backup.config.BackupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The archive keys ({@link BackupKeyring}: the first seals, each opens its own archives), read from
 * the key file each time, so a replaced or rotated key file takes effect without a restart. A missing file is created with a new random key (owner-only), loudly: on a laptop
 * that is the first start; in production the file comes from a Secret, and a misplaced one
 * shows as WRONG_KEY on every older archive, not as silent loss.
 */
@ApplicationScoped
public class BackupKeys {

    private static final Logger LOG = Logger.getLogger(BackupKeys.class);

    private final BackupConfig config;

    public BackupKeys(BackupConfig config) {
        this.config = config;
    }

    public BackupKeyring keyring() throws IOException {
        Path file = config.keyFile();
        if (!Files.exists(file)) {
            generate(file);
        }
        return BackupKeyring.read(file);
    }

    private static synchronized void generate(Path file) throws IOException {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException anotherThreadWasFirst) {
            return;
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(material) + "\n", StandardCharsets.US_ASCII);
        LOG.warnf("no backup key at %s: generated a new one (id %s). Keep a copy of that file apart from the archives:"
                + " without it no archive can be read", file, BackupKeyring.read(file).sealing().id());
    }
}
