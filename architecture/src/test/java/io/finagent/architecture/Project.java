package io.finagent.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository as the checks read it: every module's compiled classes (main and test), and its sources. */
final class Project {

    /** Modules that must have been compiled: without them a check would pass on nothing. */
    private static final List<String> MODULES = List.of("local-cluster", "platform", "memory-service", "portfolio-service", "strategy-service",
            "cache-service", "backup-service", "demo", "bench");

    private static JavaClasses classes;

    private Project() {
    }

    static Path root() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    /** Imported once per run; this module's own classes are left out (its fixture breaks the rules on purpose). */
    static synchronized JavaClasses classes() {
        if (classes == null) {
            for (String module : MODULES) {
                assertTrue(Files.isDirectory(root().resolve(module).resolve("target/classes/io/finagent")),
                        module + " is not compiled: run the whole build (bin/test), not this module alone");
            }
            List<Path> compiled = modules().flatMap(module -> Stream.of(module.resolve("target/classes"), module.resolve("target/test-classes")))
                    .filter(Files::isDirectory)
                    .filter(dir -> !dir.startsWith(root().resolve("architecture")))
                    .toList();
            classes = new ClassFileImporter().importPaths(compiled);
        }
        return classes;
    }

    /** Every module's main sources. */
    static List<Path> mainSources() {
        return modules().map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).flatMap(main -> {
            try (Stream<Path> files = Files.walk(main)) {
                return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static Stream<Path> modules() {
        try (Stream<Path> entries = Files.list(root())) {
            return entries.filter(entry -> Files.isRegularFile(entry.resolve("pom.xml"))).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
