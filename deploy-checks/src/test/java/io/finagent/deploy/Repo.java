package io.finagent.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The repository's files, and its deploy tools run on them. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("finagent.repo.root", "..")).toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** Runs a tool in the repository root; its standard output, or a failure naming what it printed. */
    static String run(List<String> command, Map<String, String> env) {
        try {
            Path errors = Files.createTempFile("deploy-tool", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root().toFile())
                    .redirectError(errors.toFile()); // a file: a chatty stderr must not block stdout
            builder.environment().putAll(env);
            Process process;
            try {
                process = builder.start();
            } catch (IOException notInstalled) {
                throw new AssertionError(command.get(0) + " is not installed: bin/test installs it (deploy/local/packages.sh deploy-tools)", notInstalled);
            }
            process.getOutputStream().close();
            var out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
            }
            String stdout = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n"
                        + stdout + Files.readString(errors));
            }
            Files.deleteIfExists(errors);
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
