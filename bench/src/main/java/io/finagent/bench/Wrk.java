package io.finagent.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The load tool of every benchmark: wrk (C, event-driven), so the client takes little of the two
 * cores the service needs. Scripts are in bench/wrk; report.lua prints the line parsed here.
 */
public final class Wrk {

    public record Result(long ok, long failed, double seconds, double p50, double p95, double p99) {
        public double perSecond() {
            return ok / seconds;
        }
    }

    private final Path scripts;
    private final String url;

    public Wrk(Path scripts, String url) {
        this.scripts = scripts;
        this.url = url;
    }

    /** The service's base URL, as every script calls it. */
    public String url() {
        return url;
    }

    public Result run(String script, int threads, int connections, int seconds, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "30s", "-s", scripts.resolve(script).toString(), url)).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("WRK_DIR", scripts.toString());
        try {
            Process process = pb.start();
            String result = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("wrk-result ")) {
                        result = line;
                    }
                }
            }
            if (process.waitFor() != 0 || result == null) {
                throw new IllegalStateException("wrk " + script + " failed (exit " + process.exitValue() + ")");
            }
            Map<String, String> v = new HashMap<>();
            for (String pair : result.substring("wrk-result ".length()).split(" ")) {
                String[] kv = pair.split("=");
                v.put(kv[0], kv[1]);
            }
            return new Result(Long.parseLong(v.get("ok")), Long.parseLong(v.get("failed")), Double.parseDouble(v.get("seconds")),
                    Double.parseDouble(v.get("p50")), Double.parseDouble(v.get("p95")), Double.parseDouble(v.get("p99")));
        } catch (IOException e) {
            throw new IllegalStateException("wrk is needed (bin/bench installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
