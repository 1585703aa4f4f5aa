package io.finagent.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A packaged service (its quarkus-run.jar) run as a child process on a port, with its pid file and log in a state directory. */
public record ServiceProcess(ChildProcess process, String url) {

    /** The process named {@code label} (a replica's name, say) of {@code module}, known by its pid file in {@code state}. */
    public static ServiceProcess of(Path root, Path state, String module, String label, int port) {
        String jar = jar(root, module).toString();
        return new ServiceProcess(new ChildProcess(label, state.resolve(label + ".pid"), state.resolve(label + ".log"), jar),
                "http://localhost:" + port);
    }

    public static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Starts it as {@link ServiceJvm} says, {@code jvmOptions} after its options (a later -Xmx wins), {@code QUARKUS_HTTP_PORT} set to its port. */
    public ServiceProcess launch(Path root, String module, Map<String, String> env, List<String> jvmOptions) {
        Map<String, String> all = new HashMap<>(env);
        all.put("QUARKUS_HTTP_PORT", url.substring(url.lastIndexOf(':') + 1));
        process.spawn(ServiceJvm.find().command(jar(root, module).getParent(), jvmOptions), all, root);
        return this;
    }

    /** Milliseconds until it said it is ready. */
    public long awaitReady(Duration timeout) {
        return Readiness.await(process.name(), () -> Readiness.serviceReady(url), this::alive, process.log(), timeout);
    }

    /** It answers at all (ready or not: a replica rebuilding its index, say). */
    public long awaitLive(Duration timeout) {
        return Readiness.await(process.name(), () -> Readiness.status(url + "/q/health/live") == 200, this::alive, process.log(), timeout);
    }

    public boolean alive() {
        return process.running().isPresent();
    }

    /** Up to two minutes: a JVM that trained its AOT cache writes it on the way out. */
    public void stop() {
        process.stop(Duration.ofMinutes(2));
    }
}
