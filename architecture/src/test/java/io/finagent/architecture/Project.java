package io.finagent.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository as the checks read it: every module's compiled classes (main and test), and its sources. */
final class Project {

    /** Modules that must have been compiled: without them a check would pass on nothing. */
    private static final List<String> MODULES = List.of("local-cluster", "platform/web", "platform/database", "platform/entities",
            "platform/messaging", "platform/backup", "platform/test-support", "platform/contracts", "memory-service", "portfolio-service", "strategy-service",
            "cache-service", "backup-service", "demo", "bench");

    /** Modules whose main code is test code: what the services' tests share. */
    private static final Set<String> TEST_CODE = Set.of("platform/test-support", "platform/contracts");

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

    /** Every module's main sources, but those of the modules of tests (their main code is test code). */
    static List<Path> mainSources() {
        return modules().filter(module -> !TEST_CODE.contains(root().relativize(module).toString()))
                .map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).flatMap(main -> {
            try (Stream<Path> files = Files.walk(main)) {
                return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** The directories with a pom.xml, and those of an aggregating one's modules (platform/web, ...). */
    static Stream<Path> modules() {
        return children(root()).flatMap(module -> Stream.concat(Stream.of(module), children(module)));
    }

    private static Stream<Path> children(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(entry -> Files.isRegularFile(entry.resolve("pom.xml"))).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
