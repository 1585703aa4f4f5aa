package io.finagent.platform.config;

import io.smallrye.config.source.yaml.YamlConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's configuration order: -D system properties (400) > environment variables (300) >
 * {@code ~/.finagent/config.yaml} (270) > {@code ./config.yaml} (260) > a service's
 * application.properties (250) > the platform defaults (100).
 */
public class ConfigFiles implements ConfigSourceProvider {

    static final int USER_ORDINAL = 270;
    static final int WORKING_DIR_ORDINAL = 260;

    private final Path home;
    private final Path workingDir;

    public ConfigFiles() {
        this(Path.of(System.getProperty("user.home")), Path.of(System.getProperty("user.dir")));
    }

    ConfigFiles(Path home, Path workingDir) {
        this.home = home;
        this.workingDir = workingDir;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
        List<ConfigSource> sources = new ArrayList<>();
        add(sources, home.resolve(".finagent/config.yaml"), USER_ORDINAL);
        add(sources, workingDir.resolve("config.yaml"), WORKING_DIR_ORDINAL);
        return sources;
    }

    private static void add(List<ConfigSource> sources, Path file, int ordinal) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            sources.add(new YamlConfigSource(file.toUri().toURL(), ordinal));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + file, e);
        }
    }
}
