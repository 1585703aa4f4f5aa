package io.finagent.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kafka, QuestDB and a Redis started, found again and stopped, on ports and in a directory apart from the run's own. */
class ServersTest {

    @TempDir
    Path state;

    @Test
    void eachServerStartsAnswersIsLeftAloneWhenStartedAgainAndStops() throws IOException {
        Layout layout = new Layout(Layout.repositoryRoot(), state,
                new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort()));
        for (Server server : new Server[] {new Kafka(layout), new QuestDb(layout), new OwnRedis(layout)}) {
            assertFalse(server.answers(), server.name());
            server.start();
            assertTrue(server.answers(), server.name());
            long pid = Long.parseLong(Files.readString(state.resolve(server.name()).resolve(server.name() + ".pid")));
            server.start(); // again: the running one is kept
            assertEquals(pid, Long.parseLong(Files.readString(state.resolve(server.name()).resolve(server.name() + ".pid"))), server.name());
            server.stop();
            assertFalse(server.answers(), server.name());
            assertFalse(server.startedHere(), server.name());
        }
    }

    @Test
    void aServerWhosePortIsTakenIsRefusedBeforeItStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            Layout layout = new Layout(Layout.repositoryRoot(), state,
                    new Ports(freePort(), taken.getLocalPort(), freePort(), freePort(), freePort(), freePort(), freePort()));
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new Kafka(layout).start());
            assertTrue(refused.getMessage().contains("port " + taken.getLocalPort() + " is already in use"), refused.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
