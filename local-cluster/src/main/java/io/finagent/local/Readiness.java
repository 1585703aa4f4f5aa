package io.finagent.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/** The one readiness wait of the project's tooling, and the probes it polls. */
public final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ERROR_LINE = Pattern.compile(" (ERROR|FATAL) |Exception|^[0-9T:.-]+Z [EC] ");

    private Readiness() {
    }

    /**
     * Polls {@code ready} every 100 ms until it holds, and returns the milliseconds it took. Fails at once
     * when {@code alive} says the process ended, and after the timeout; either way with the first errors
     * and the last lines of its log.
     */
    public static long await(String name, BooleanSupplier ready, BooleanSupplier alive, Path log, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            if (ready.getAsBoolean()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(name + " exited during startup" + errorsIn(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s" + errorsIn(log));
            }
            sleep(100);
        }
    }

    /** True when something accepts TCP connections on 127.0.0.1:port. */
    public static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A Quarkus service at {@code baseUrl} says it is ready (its SmallRye Health readiness). */
    public static boolean serviceReady(String baseUrl) {
        return status(baseUrl + "/q/health/ready") == 200;
    }

    /** The status of a GET, 0 when nothing answers. */
    public static int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String errorsIn(Path log) {
        if (!Files.exists(log)) {
            return " (no log at " + log + ")";
        }
        try {
            List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            StringBuilder text = new StringBuilder("; first errors in ").append(log).append(":\n");
            lines.stream().filter(l -> ERROR_LINE.matcher(l).find()).limit(8).forEach(l -> text.append(l).append('\n'));
            text.append("... its last lines:\n");
            lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> text.append(l).append('\n'));
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
