package io.finagent.local;

import java.nio.file.Path;
import java.util.List;

/** One of the five services: its module, its port on this machine, its packaged jar. */
public record Service(String name, int port) {

    public static final List<Service> ALL = List.of(new Service("memory-service", 8081), new Service("portfolio-service", 8082),
            new Service("strategy-service", 8083), new Service("cache-service", 8084), new Service("backup-service", 8085));

    /** How every service's JVM runs here, in one place: a heap cap that fits five services and the stores on a laptop. */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx256m");

    /** By its module's name, with or without "-service". */
    public static Service named(String name) {
        String module = name.endsWith("-service") ? name : name + "-service";
        return ALL.stream().filter(s -> s.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service '" + name + "'"));
    }

    public Path jar(Path root) {
        return ServiceProcess.jar(root, name);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String health() {
        int status = Readiness.status(url() + "/q/health/ready");
        return switch (status) {
            case 200 -> "UP";
            case 503 -> "DOWN";
            case 0 -> "no answer";
            default -> "HTTP " + status;
        };
    }
}
