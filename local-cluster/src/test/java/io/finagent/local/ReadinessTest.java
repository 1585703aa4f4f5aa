package io.finagent.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadinessTest {

    @TempDir
    Path dir;

    @Test
    void theWaitEndsAtOnceWhenTheProcessDiesAndShowsTheErrorsOfItsLog() {
        ChildProcess failing = new ChildProcess("failing", dir.resolve("f.pid"), dir.resolve("f.log"), "bash");
        ProcessHandle handle = failing.spawn(List.of("bash", "-c", "echo 'starting'; echo '12:00 ERROR could not bind port 9092'; exit 1"),
                Map.of(), dir);
        long start = System.nanoTime();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Readiness.await("failing", () -> false, handle::isAlive, failing.log(), Duration.ofSeconds(60)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "did not wait for the timeout");
        assertTrue(refused.getMessage().contains("exited during startup"), refused.getMessage());
        assertTrue(refused.getMessage().contains("ERROR could not bind port 9092"), refused.getMessage());
    }

    @Test
    void aServerThatNeverGetsReadyIsReportedAfterTheTimeoutWithItsLog() {
        ChildProcess slow = new ChildProcess("slow", dir.resolve("s.pid"), dir.resolve("s.log"), "sleep");
        ProcessHandle handle = slow.spawn(List.of("bash", "-c", "echo 'still loading'; exec sleep 300"), Map.of(), dir);
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> Readiness.await("slow", () -> false, handle::isAlive, slow.log(), Duration.ofMillis(500)));
            assertTrue(refused.getMessage().contains("not ready after"), refused.getMessage());
            assertTrue(refused.getMessage().contains("still loading"), refused.getMessage());
        } finally {
            slow.stop();
        }
    }
}
