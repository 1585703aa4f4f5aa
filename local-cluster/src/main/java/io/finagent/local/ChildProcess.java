package io.finagent.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A server run as a detached child process, known by its pid file. {@code expect} is a string its
 * command line holds, so a stale pid file whose pid now belongs to someone else is never trusted
 * or signalled.
 */
public record ChildProcess(String name, Path pidFile, Path log, String expect) {

    /**
     * Starts {@code command} in a session of its own ({@code setsid}: Ctrl-C or the end of a CI step
     * does not take it down), output to the log (the previous one kept as {@code .prev}).
     */
    public ProcessHandle spawn(List<String> command, Map<String, String> env, Path directory) {
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(pidFile);
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".prev"), StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> detached = new ArrayList<>(List.of("setsid"));
            detached.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(detached).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            awaitProgram(process.toHandle());
            return process.toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * Until the child runs its program. The JDK starts it as a copy of this JVM that execs a helper
     * (jspawnhelper), which execs setsid, which execs the program; in between, while the kernel swaps
     * the images, the command line reads empty or cut short. {@link #running()} asked then would take
     * the child for another process.
     */
    private void awaitProgram(ProcessHandle child) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (child.isAlive() && System.nanoTime() < deadline) {
            String line = commandLine(child);
            if (line.contains(expect) && !line.startsWith("setsid ")) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // milliseconds at most: no need to spin a core
        }
    }

    /** The process of the pid file, if it is alive and is the one we started. */
    public Optional<ProcessHandle> running() {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurs);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Its command line holds {@code expect}. Read from /proc: the JDK's {@code ProcessHandle.Info} cuts it at 4,096 characters, before a long classpath ends. */
    private boolean isOurs(ProcessHandle process) {
        return commandLine(process).contains(expect);
    }

    /** Its arguments, each followed by a space; empty once it ended. */
    private static String commandLine(ProcessHandle process) {
        try {
            byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(commandLine, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // ended meanwhile
        }
    }

    /** TERM, up to 30 s for it to end, then KILL. Only the process of the pid file, never one found by name. */
    public void stop() {
        stop(Duration.ofSeconds(30));
    }

    public void stop(Duration grace) {
        Optional<ProcessHandle> process = running();
        if (process.isEmpty()) {
            Console.say(name + ": nothing to stop");
            deletePidFile();
            return;
        }
        ProcessHandle handle = process.get();
        Console.say(name + ": stopping pid " + handle.pid());
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            Console.say(name + ": stopped");
        } catch (TimeoutException e) {
            Console.warn(name + ": still alive after " + grace.toSeconds() + " s, sending KILL");
            handle.destroyForcibly();
            handle.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + name, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        deletePidFile();
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
