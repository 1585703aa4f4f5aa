package io.finagent.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are: the repository, and the state directory (pid files, logs, data) of a cluster. */
public record Layout(Path root, Path state, Ports ports) {

    /** bin/start's cluster, in {@code .run/}. */
    public static Layout local() {
        Path root = repositoryRoot();
        return new Layout(root, root.resolve(".run"), Ports.LOCAL);
    }

    /** A test run's, outside {@code target/}, so {@code mvnw clean} never wipes a running broker's data. */
    public static Layout test() {
        Path root = repositoryRoot();
        return new Layout(root, root.resolve(".run/test-infra"), Ports.TEST);
    }

    public Path keys() {
        return root.resolve(".run/keys");
    }

    /** The repository root: {@code finagent.repo.root} (set by Maven for tests), else above the working directory. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("finagent.repo.root");
        Path dir = Path.of(configured != null ? configured : System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("local-cluster")) && Files.exists(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + dir);
    }
}
