package io.finagent.local;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which AOT cache a service starts with: trained after a build, then loaded, never one that is stale or half written. */
class ServiceJvmTest {

    @TempDir
    Path dir;
    Path app;

    @BeforeEach
    void builtApp() throws IOException {
        app = Files.createDirectories(dir.resolve("quarkus-app"));
        Files.createDirectories(app.resolve("lib/main"));
        touch(app.resolve("quarkus-run.jar"), 1_000);
        touch(app.resolve("lib/main/app.jar"), 2_000);
    }

    @Test
    void onJdk25TheFirstStartAfterABuildTrainsAndTheNextLoadsWhatItWrote() throws IOException {
        ServiceJvm jvm = ServiceJvm.of(jdk("25.0.1"));
        String training = aotOption(jvm.command(app, List.of()));
        assertTrue(training.startsWith("-XX:AOTCacheOutput=" + app.resolve("finagent-")), training);

        Path written = Path.of(training.substring("-XX:AOTCacheOutput=".length()));
        touch(written, 3_000);
        assertEquals("-XX:AOTCache=" + written, aotOption(jvm.command(app, List.of())));
        List<String> command = jvm.command(app, List.of("-Xmx2g"));
        assertTrue(aotOption(command).startsWith("-XX:AOTCacheOutput="), "other options, another cache: " + command);
        assertEquals(List.of("-jar", app.resolve("quarkus-run.jar").toString()), command.subList(command.size() - 2, command.size()));
    }

    @Test
    void aCacheOlderThanTheBuildIsNotUsedAndIsRemoved() throws IOException {
        ServiceJvm jvm = ServiceJvm.of(jdk("25"));
        Path old = Path.of(aotOption(jvm.command(app, List.of())).substring("-XX:AOTCacheOutput=".length()));
        touch(old, 1_500); // the app's jar in lib/main was rebuilt after it
        assertTrue(aotOption(jvm.command(app, List.of())).startsWith("-XX:AOTCacheOutput="));
        assertFalse(Files.exists(old));
    }

    @Test
    void aCacheStillBeingWrittenIsNotUsed() throws IOException {
        ServiceJvm jvm = ServiceJvm.of(jdk("25"));
        Path writing = Path.of(aotOption(jvm.command(app, List.of())).substring("-XX:AOTCacheOutput=".length()));
        touch(writing, 3_000);
        touch(writing.resolveSibling(writing.getFileName() + ".config"), 3_000); // the JVM removes it once the cache is complete
        assertTrue(aotOption(jvm.command(app, List.of())).startsWith("-XX:AOTCacheOutput="));
    }

    @Test
    void beforeJdk25ThereIsNoCacheAndTheOptionsAreTheSame() {
        List<String> command = ServiceJvm.of(jdk("17.0.15")).command(app, List.of());
        assertEquals(dir.resolve("jdk-17.0.15/bin/java").toString(), command.get(0));
        assertEquals(ServiceJvm.OPTIONS, command.subList(1, 1 + ServiceJvm.OPTIONS.size()));
        assertTrue(command.stream().noneMatch(o -> o.startsWith("-XX:AOT")), command.toString());
    }

    private Path jdk(String version) {
        try {
            Path home = Files.createDirectories(dir.resolve("jdk-" + version));
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"" + version + "\"\n");
            return home;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String aotOption(List<String> command) {
        return command.stream().filter(o -> o.startsWith("-XX:AOTCache")).findFirst().orElse("");
    }

    private static void touch(Path file, long secondsAfterEpoch) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(secondsAfterEpoch)));
    }
}
