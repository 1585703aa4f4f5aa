package io.finagent.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A redis-server of the test run's own, apart from the machine's Redis, so that a test may stop it
 * (the cache's fallback) without touching anyone else's. No persistence.
 */
public final class OwnRedis extends Server {

    public OwnRedis(Layout layout) {
        super(layout, "redis", "redis-server");
    }

    @Override
    public boolean answers() {
        return "+PONG".equals(command("PING"));
    }

    @Override
    protected boolean ready() {
        return answers();
    }

    @Override
    protected List<Integer> otherPorts() {
        return List.of();
    }

    @Override
    protected List<String> prepare() {
        return List.of("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(layout.ports().redis()),
                "--save", "", "--appendonly", "no", "--dir", dir().toString());
    }

    /** One inline command, its first reply line; null when nothing answers. */
    private String command(String command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", layout.ports().redis()), 500);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            return null;
        }
    }
}
