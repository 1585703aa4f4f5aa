package io.finagent.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * How a service's JVM runs on this machine, in one place: which java, its heap and collector, and
 * its ahead-of-time cache.
 * <ul>
 * <li>The java: {@code FINAGENT_SERVICE_JAVA_HOME}, else the newest JDK 25 or later installed beside
 * the default one (under /usr/lib/jvm), else the launcher's own.</li>
 * <li>On JDK 25 or later, the JDK's AOT cache (JEP 483, 514, 515): the first start after a build is a
 * training run ({@code -XX:AOTCacheOutput}), whose classes, linking and method profiles the JVM writes
 * to {@code quarkus-app/finagent-<options>-<id>.aot} when it exits; later starts load them
 * ({@code -XX:AOTCache}). The services are packaged as Quarkus' {@code aot-jar}, so their classes come
 * from the class path, which the cache covers. A cache is tied to the JVM and its options, hence the
 * options' hash in its name.</li>
 * </ul>
 */
public final class ServiceJvm {

    /**
     * A heap cap that fits five services and the stores on a laptop; the serial collector, which on two
     * cores costs fewer threads and less memory than G1 for heaps this small; a small initial heap that
     * gives back what the start-up garbage took (the live set after start is about 30 MB).
     */
    public static final List<String> OPTIONS = List.of("-Xmx256m", "-Xms16m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=5",
            "-XX:MaxHeapFreeRatio=20");

    private static final int AOT_FEATURE = 25;

    /**
     * Options, given after {@link #OPTIONS}, for a service that holds a large working set
     * (memory-service at a million decisions): this heap cap, and G1 with the JVM's own free ratios
     * in place of the serial collector, whose every collection stops all threads, and which on a heap
     * of gigabytes stalls recall and ingest. G1 is what the JVM itself picks for such a heap.
     */
    public static List<String> largeHeap(String max) {
        return List.of("-Xmx" + max, "-XX:-UseSerialGC", "-XX:+UseG1GC", "-XX:MinHeapFreeRatio=40", "-XX:MaxHeapFreeRatio=70");
    }

    private final Path java;
    private final int feature;

    private ServiceJvm(Path java, int feature) {
        this.java = java;
        this.feature = feature;
    }

    public static ServiceJvm find() {
        String configured = System.getenv("FINAGENT_SERVICE_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return of(Path.of(configured));
        }
        return newestBeside().filter(jvm -> jvm.feature >= AOT_FEATURE)
                .orElseGet(() -> of(Path.of(System.getProperty("java.home"))));
    }

    /** The command that starts the app in {@code quarkusApp} (its quarkus-run.jar), training or loading its AOT cache. */
    public List<String> command(Path quarkusApp, List<String> extraOptions) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(OPTIONS);
        command.addAll(extraOptions);
        if (feature >= AOT_FEATURE) {
            String prefix = "finagent-" + hash(extraOptions) + "-";
            command.add(cache(quarkusApp, prefix).map(c -> "-XX:AOTCache=" + c)
                    .orElse("-XX:AOTCacheOutput=" + quarkusApp.resolve(prefix + UUID.randomUUID() + ".aot")));
        }
        command.addAll(List.of("-jar", quarkusApp.resolve("quarkus-run.jar").toString()));
        return command;
    }

    /** What {@link #command} starts services with, for a table or a log line. */
    public String describe() {
        return java + " (" + version() + ") " + String.join(" ", OPTIONS);
    }

    /** "Java 25 with its AOT cache", for the line under a benchmark's table. */
    public String version() {
        return "Java " + feature + (feature >= AOT_FEATURE ? " with its AOT cache" : "");
    }

    /**
     * The newest complete cache made for these options after the app was last built. Complete: the JVM
     * removes its {@code .config} file once the cache is written. Older ones are deleted.
     */
    private static Optional<Path> cache(Path quarkusApp, String prefix) {
        try (Stream<Path> files = Files.list(quarkusApp)) {
            List<Path> caches = files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".aot"))
                    .filter(f -> !Files.exists(f.resolveSibling(f.getFileName() + ".config")))
                    .sorted(Comparator.comparing(ServiceJvm::modified).reversed()).toList();
            long built = newestBuildFile(quarkusApp);
            Optional<Path> fresh = caches.stream().filter(c -> modified(c) > built).findFirst();
            caches.stream().skip(fresh.isPresent() ? 1 : 0).forEach(ServiceJvm::deleteQuietly);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long newestBuildFile(Path quarkusApp) throws IOException {
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("finagent-"))
                    .mapToLong(ServiceJvm::modified).max().orElse(0);
        }
    }

    private String hash(List<String> extraOptions) {
        String key = java + " " + feature + " " + OPTIONS + " " + extraOptions;
        return HexFormat.of().toHexDigits(key.hashCode());
    }

    static ServiceJvm of(Path javaHome) {
        return new ServiceJvm(javaHome.resolve("bin/java"), feature(javaHome).orElse(0));
    }

    /** The newest JDK under /usr/lib/jvm, by the JAVA_VERSION of its release file. */
    private static Optional<ServiceJvm> newestBeside() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java"))).map(ServiceJvm::of)
                    .max(Comparator.comparingInt(jvm -> jvm.feature));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> feature(Path javaHome) {
        try (Stream<String> lines = Files.lines(javaHome.resolve("release"))) {
            return lines.filter(l -> l.startsWith("JAVA_VERSION=")).findFirst()
                    .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(v -> Integer.parseInt(v.startsWith("1.") ? v.substring(2, 3) : v.split("[.+-]")[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // another start may hold it open; removed the next time
        }
    }
}
