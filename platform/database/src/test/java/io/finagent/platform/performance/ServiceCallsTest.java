package io.finagent.platform.performance;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The timeouts and retries of finagent.performance, against a real HTTP server that answers as told. */
class ServiceCallsTest {

    private HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger slowCalls = new AtomicInteger();
    private volatile int unavailableFirst;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/export", exchange -> {
            int call = calls.incrementAndGet();
            byte[] body = ("call " + call).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(call <= unavailableFirst ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            slowCalls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(handlers); // the slow answer must not hold up the others
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).GET();
    }

    private static ServiceCalls calls(Duration requestTimeout, int retries) {
        return new ServiceCalls(new TestPerformanceConfig(Duration.ofSeconds(1), requestTimeout, retries));
    }

    @Test
    void anUnavailableServiceIsTriedAgainUpToTheRetries() throws Exception {
        unavailableFirst = 2;
        HttpResponse<String> response = calls(Duration.ofSeconds(5), 2).read(get("/export"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("call 3", response.body());
    }

    @Test
    void afterTheLastRetryTheCallerSeesTheLastAnswer() throws Exception {
        unavailableFirst = 5;
        HttpResponse<String> response = calls(Duration.ofSeconds(5), 1).read(get("/export"), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, response.statusCode());
        assertEquals(2, calls.get(), "one call and one retry");
    }

    @Test
    void anAnswerThatDoesNotBeginWithinTheRequestTimeoutFailsWithoutARetry() {
        assertThrows(HttpTimeoutException.class,
                () -> calls(Duration.ofMillis(300), 2).read(get("/slow"), HttpResponse.BodyHandlers.discarding()));
        assertEquals(1, slowCalls.get(), "the service may still be working on it: not asked again");
    }

    @Test
    void aChangeIsSentOnce() throws Exception {
        unavailableFirst = 5;
        HttpRequest request = get("/export").DELETE().build();
        assertEquals(503, calls(Duration.ofSeconds(5), 2).change(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(1, calls.get());
    }

    @Test
    void aRefusedConnectionFailsAfterTheRetries() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed + "/export")).GET();
        assertThrows(ConnectException.class, () -> calls(Duration.ofSeconds(5), 2).read(request, HttpResponse.BodyHandlers.discarding()));
    }
}
