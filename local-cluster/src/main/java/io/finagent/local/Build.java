package io.finagent.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Builds the services whose jar is missing or older than their sources, showing Maven's progress module by module. */
public final class Build {

    private static final Pattern MODULE = Pattern.compile("^\\[INFO\\] Building (.+?) [^ ]+ +\\[(\\d+/\\d+)\\]$");

    private final Path root;

    public Build(Path root) {
        this.root = root;
    }

    /** {@code mvnw install} of these modules and what they need, quietly (a benchmark's build). */
    public void install(String... modules) {
        maven("-DskipTests", "install", "-pl", String.join(",", modules), "-am");
    }

    /** {@code mvnw -B -q} with these arguments, in the repository. */
    public void maven(String... arguments) {
        List<String> command = new ArrayList<>(List.of("./mvnw", "-B", "-q"));
        command.addAll(List.of(arguments));
        Commands.run(root, Map.of(), Duration.ofMinutes(30), command);
    }

    void ifStale(Collection<Service> services) {
        if (services.stream().noneMatch(this::stale)) {
            return;
        }
        Path log = root.resolve(".run/build.log");
        Console.say("building (./mvnw -B -T 2 -DskipTests install, log in .run/build.log); about 90 s the first time");
        long start = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            Process maven = new ProcessBuilder("./mvnw", "-B", "-T", "2", "-Dstyle.color=never", "-DskipTests", "install")
                    .directory(root.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            List<String> errors = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    file.println(line);
                    Matcher module = MODULE.matcher(line);
                    if (module.matches()) {
                        Console.say("  " + module.group(2) + " " + module.group(1).replaceAll(":.*| \\(.*", "")
                                + " (" + Console.seconds((System.nanoTime() - start) / 1_000_000) + ")");
                    } else if (line.startsWith("[ERROR]") && errors.size() < 40) {
                        errors.add(line);
                    }
                }
            }
            if (maven.waitFor() != 0) {
                errors.forEach(Console::warn);
                throw new IllegalStateException("build failed, see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Console.say("built in " + Console.seconds((System.nanoTime() - start) / 1_000_000));
    }

    /** A jar older than its module's sources, the platform modules', or a pom. */
    private boolean stale(Service service) {
        Path jar = service.jar(root);
        if (!Files.exists(jar)) {
            return true;
        }
        FileTime built = modified(jar);
        List<Path> sources = new ArrayList<>(List.of(root.resolve(service.name()).resolve("src"), root.resolve("pom.xml")));
        modules(root).forEach(module -> sources.add(module.resolve("pom.xml")));
        modules(root.resolve("platform")).forEach(module -> sources.addAll(List.of(module.resolve("pom.xml"), module.resolve("src/main"))));
        return sources.stream().anyMatch(source -> newerThan(source, built));
    }

    /** The directories under this one that hold a pom.xml. */
    private static List<Path> modules(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(entry -> Files.exists(entry.resolve("pom.xml"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean newerThan(Path source, FileTime built) {
        if (!Files.exists(source)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(source)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> modified(f).compareTo(built) > 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
