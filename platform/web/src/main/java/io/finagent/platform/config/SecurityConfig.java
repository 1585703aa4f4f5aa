package io.finagent.platform.config;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code finagent.security.*}: the file of the AES-256 key that seals backups (backup-service reads
 * it as {@code finagent.backup.key-file}, which defaults to this). The bearer tokens' keys stay in
 * SmallRye JWT's own {@code mp.jwt.*}.
 */
@ConfigMapping(prefix = "finagent.security")
public interface SecurityConfig {

    Optional<Path> encryptionKeyFile();
}
