package io.finagent.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The classpath Kafka and QuestDB run on: the jars this module's build lists in {@code target/servers.classpath}. */
final class ServerClasspath {

    private ServerClasspath() {
    }

    static String of(Layout layout) {
        Path file = layout.root().resolve("local-cluster/target/servers.classpath");
        try {
            String classpath = Files.readString(file).strip();
            for (String jar : classpath.split(":")) {
                if (!Files.exists(Path.of(jar))) {
                    throw new IllegalStateException(jar + " is gone: build local-cluster again (./mvnw -pl local-cluster install)");
                }
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is missing: build local-cluster first (./mvnw -pl local-cluster install)", e);
        }
    }
}
