package io.finagent.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void aSpawnedProcessIsKnownByItsPidFileAndStoppedByIt() throws Exception {
        ChildProcess sleeper = new ChildProcess("sleeper", dir.resolve("sleeper.pid"), dir.resolve("sleeper.log"), "sleep");
        ProcessHandle handle = sleeper.spawn(List.of("sleep", "300"), Map.of(), dir);

        assertEquals(Long.toString(handle.pid()), Files.readString(dir.resolve("sleeper.pid")));
        assertEquals(handle.pid(), sleeper.running().orElseThrow().pid());
        sleeper.stop();
        assertFalse(handle.isAlive());
        assertFalse(Files.exists(dir.resolve("sleeper.pid")));
    }

    @Test
    void aStalePidFileWhosePidNowBelongsToAnotherProcessIsNeverSignalled() throws Exception {
        // the pid of this test's own JVM, whose command line does not hold "kafka.Kafka"
        Files.writeString(dir.resolve("kafka.pid"), Long.toString(ProcessHandle.current().pid()));
        ChildProcess kafka = new ChildProcess("kafka", dir.resolve("kafka.pid"), dir.resolve("kafka.log"), "kafka.Kafka");

        assertTrue(kafka.running().isEmpty());
        kafka.stop(); // would end this JVM if it signalled the pid
        assertTrue(ProcessHandle.current().isAlive());
    }

    @Test
    void theWholeCommandLineIsCheckedEvenPastTheJdksFourThousandCharacters() {
        String longArgument = "x".repeat(5000);
        ChildProcess sleeper = new ChildProcess("sleeper", dir.resolve("s.pid"), dir.resolve("s.log"), "marker-after-the-long-one");
        // bash stays the process (waiting for its sleep, which it ends when stopped): given "sleep 300" alone it
        // execs sleep, whose command line has no marker, sometimes before the spawn sees bash's (found in CI)
        sleeper.spawn(List.of("bash", "-c", "trap 'kill $!; exit' TERM; sleep 300 & wait", longArgument, "marker-after-the-long-one"),
                Map.of(), dir);
        try {
            assertTrue(sleeper.running().isPresent());
        } finally {
            sleeper.stop();
        }
    }

    @Test
    void aProcessJustSpawnedIsRunningWhileItsProgramIsStillBeingLoaded() {
        // setsid execs the program: while the kernel swaps the images, /proc/<pid>/cmdline reads empty. A
        // readiness wait polling then took the service for dead ("exited during startup") while it started.
        for (int i = 0; i < 200; i++) {
            ChildProcess sleeper = new ChildProcess("sleeper", dir.resolve("e.pid"), dir.resolve("e.log"), "sleep");
            ProcessHandle handle = sleeper.spawn(List.of("sleep", "30"), Map.of(), dir);
            try {
                for (int poll = 0; poll < 50; poll++) {
                    assertTrue(sleeper.running().isPresent(), "spawn " + i + ", poll " + poll + ": alive, yet not running");
                }
            } finally {
                handle.destroyForcibly();
                handle.onExit().join();
            }
        }
    }
}
