package io.finagent.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store of the cluster run as a child process: Kafka, QuestDB, a Redis of its own. Start is safe to
 * call again: a server that answers is left alone, one still starting is waited for.
 */
public abstract class Server {

    protected final Layout layout;
    private final ChildProcess process;

    protected Server(Layout layout, String name, String expect) {
        this.layout = layout;
        Path dir = dir(layout, name);
        this.process = new ChildProcess(name, dir.resolve(name + ".pid"), dir.resolve(name + ".log"), expect);
    }

    public String name() {
        return process.name();
    }

    /** Its main port answers (it may still be starting). */
    public abstract boolean answers();

    /** It serves requests. */
    protected abstract boolean ready();

    /** The command that runs it, after writing its configuration. */
    protected abstract List<String> prepare();

    /** The ports besides the main one that it binds: refused up front when taken, rather than a bind error deep in its log. */
    protected abstract List<Integer> otherPorts();

    public void start() {
        Optional<ProcessHandle> running = process.running();
        if (running.isEmpty() && answers()) {
            Console.say(name() + ": already answering (not started here)");
            return;
        }
        if (running.isPresent() && ready()) {
            Console.say(name() + ": running (pid " + running.get().pid() + ")");
            return;
        }
        if (running.isPresent()) {
            Console.say(name() + ": pid " + running.get().pid() + " is still starting, waiting for it");
        } else {
            for (int port : otherPorts()) {
                if (Readiness.answers(port)) {
                    throw new IllegalStateException(name() + ": port " + port + " is already in use by another process");
                }
            }
            running = Optional.of(process.spawn(prepare(), Map.of(), dir()));
        }
        ProcessHandle handle = running.get();
        long millis = Readiness.await(name(), this::ready, handle::isAlive, process.log(), Duration.ofSeconds(90));
        Console.say(name() + ": ready after " + Console.seconds(millis));
    }

    public void stop() {
        process.stop();
    }

    /** Whether the pid file names a live process of ours. */
    public boolean startedHere() {
        return process.running().isPresent();
    }

    protected Path dir() {
        return dir(layout, name());
    }

    /** Writes one of its configuration files, in its directory. */
    protected void write(String file, String text) {
        try {
            Files.createDirectories(dir().resolve(file).getParent());
            Files.writeString(dir().resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path dir(Layout layout, String name) {
        return layout.state().resolve(name);
    }
}
