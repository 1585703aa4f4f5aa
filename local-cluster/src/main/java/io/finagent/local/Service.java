package io.finagent.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the five services: its module, its port on this machine, its packaged jar. */
public record Service(String name, int port) {

    public static final List<Service> ALL = List.of(new Service("memory-service", 8081), new Service("portfolio-service", 8082),
            new Service("strategy-service", 8083), new Service("cache-service", 8084), new Service("backup-service", 8085));

    /**
     * What a service is told on this machine: the cluster's broker and QuestDB, the local key,
     * backup-service's token, and its files (backups, the backup key, the recall index) under {@code state}.
     */
    public static Map<String, String> environment(Layout layout, Path state, LocalTokens tokens) {
        Ports ports = layout.ports();
        Map<String, String> env = new HashMap<>();
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.publicKey().toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", ports.kafkaBootstrap());
        env.put("FINAGENT_QUESTDB_HTTP_URL", ports.questDbHttpUrl());
        env.put("FINAGENT_QUESTDB_PG_PORT", Integer.toString(ports.questDbPg()));
        env.put("FINAGENT_BACKUP_SERVICE_TOKEN", tokens.mint("backup-service", List.of("admin")));
        env.put("FINAGENT_BACKUP_DIRECTORY", state.resolve("backups").toString());
        env.put("FINAGENT_SECURITY_ENCRYPTION_KEY_FILE", state.resolve("keys/backup.key").toString());
        env.put("FINAGENT_RECALL_INDEX_DIRECTORY", state.resolve("recall-index").toString());
        return env;
    }

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
