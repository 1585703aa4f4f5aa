package io.finagent.platform.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigFilesTest {

    @Test
    void userFileBeatsWorkingDirFileWhichBeatsDefaults(@TempDir Path home, @TempDir Path work) throws IOException {
        Files.createDirectories(home.resolve(".finagent"));
        Files.writeString(home.resolve(".finagent/config.yaml"), "finagent:\n  a: home\n  b: home\n");
        Files.writeString(work.resolve("config.yaml"), "finagent:\n  a: work\n  b: work\n  c: work\n");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new ConfigFiles(home, work))
                .withSources(new PropertiesConfigSource(Map.of("finagent.a", "app", "finagent.c", "app", "finagent.d", "app"),
                        "application.properties", 250))
                .withSources(new PropertiesConfigSource(Map.of("finagent.a", "env"), "env", 300))
                .build();
        assertEquals("env", config.getConfigValue("finagent.a").getValue());
        assertEquals("home", config.getConfigValue("finagent.b").getValue());
        assertEquals("work", config.getConfigValue("finagent.c").getValue());
        assertEquals("app", config.getConfigValue("finagent.d").getValue());
    }

    @Test
    void missingFilesAddNothing(@TempDir Path home, @TempDir Path work) {
        assertEquals(false, new ConfigFiles(home, work).getConfigSources(getClass().getClassLoader()).iterator().hasNext());
    }
}
