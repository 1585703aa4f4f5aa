package io.finagent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker-compose.yml as docker-compose itself resolves it (env files merged, variables substituted). */
class ComposeTest {

    private static final Map<String, String> SECRETS = Map.ofEntries(Map.entry("FINAGENT_DB_PASSWORD", "test-db-password"),
            Map.entry("FINAGENT_DB_PASSWORD_MEMORY", "pw-memory"), Map.entry("FINAGENT_DB_PASSWORD_PORTFOLIO", "pw-portfolio"),
            Map.entry("FINAGENT_DB_PASSWORD_STRATEGY", "pw-strategy"), Map.entry("FINAGENT_DB_PASSWORD_CACHE", "pw-cache"),
            Map.entry("FINAGENT_DB_PASSWORD_BACKUP", "pw-backup"),
            Map.entry("FINAGENT_JWT_PUBLIC_KEY", "test-public-key"), Map.entry("FINAGENT_QUESTDB_PASSWORD", "test-questdb-password"),
            Map.entry("FINAGENT_BACKUP_SERVICE_TOKEN", "test-token"));
    private static final Map<String, Integer> PORTS = Map.of("memory-service", 8081, "portfolio-service", 8082,
            "strategy-service", 8083, "cache-service", 8084, "backup-service", 8085);

    private static JsonNode services;
    private static JsonNode compose;

    @BeforeAll
    static void render() throws IOException {
        String rendered = Repo.run(List.of("docker-compose", "-f", "docker-compose.yml", "config"), SECRETS);
        compose = new ObjectMapper(new YAMLFactory()).readTree(rendered);
        services = compose.get("services");
    }

    @Test
    void composeRefusesToStartWithoutItsSecrets() {
        AssertionError refused = assertThrows(AssertionError.class,
                () -> Repo.run(List.of("docker-compose", "-f", "docker-compose.yml", "config", "-q"),
                        Map.of("FINAGENT_DB_PASSWORD", "", "FINAGENT_JWT_PUBLIC_KEY", "")));
        assertTrue(refused.getMessage().contains("FINAGENT_DB_PASSWORD"), refused.getMessage());
    }

    /** No service holds the superuser's password: each has its own role's, which PostgreSQL's init script makes. */
    @Test
    void eachServiceConnectsWithItsOwnRolesPasswordMadeAtPostgresFirstStart() {
        Map<String, String> postgres = environment(services.get("postgres"));
        for (String service : RequiredSettings.SERVICES) {
            String name = service.replace("-service", "");
            Map<String, String> env = environment(services.get(service));
            assertEquals("pw-" + name, env.get("QUARKUS_DATASOURCE_PASSWORD"), service);
            assertEquals("pw-" + name, postgres.get("FINAGENT_DB_PASSWORD_" + name.toUpperCase()), "postgres makes the role of " + service);
            assertFalse(env.containsKey("QUARKUS_DATASOURCE_USERNAME"), service + ": its role is its own (application.properties)");
        }
        assertTrue(services.at("/postgres/volumes").toString().contains("/docker-entrypoint-initdb.d/"), "the roles' init script");
    }

    @Test
    void everyServiceEnvironmentCoversWhatItRequiresInProduction() {
        for (String service : RequiredSettings.SERVICES) {
            Environments.assertCovers("docker-compose.yml", service, environment(services.get(service)));
        }
    }

    @Test
    void everyContainerHasAHealthCheckAndServicesWaitForHealthyStores() {
        services.properties().forEach(e -> assertTrue(e.getValue().has("healthcheck"), e.getKey() + " has no healthcheck"));
        for (String service : RequiredSettings.SERVICES) {
            JsonNode dependsOn = services.get(service).get("depends_on");
            for (String store : List.of("postgres", "kafka")) {
                assertEquals("service_healthy", dependsOn.path(store).path("condition").asText(), service + " -> " + store);
            }
        }
        assertEquals("service_healthy", services.at("/portfolio-service/depends_on/questdb/condition").asText());
        assertEquals("service_healthy", services.at("/cache-service/depends_on/redis/condition").asText());
        assertEquals("service_healthy", services.at("/memory-service/depends_on/redis/condition").asText());
    }

    @Test
    void servicesAreBuiltFromTheirModulesAndPublishTheArchitecturePorts() {
        PORTS.forEach((service, port) -> {
            JsonNode node = services.get(service);
            assertTrue(node.path("build").path("context").asText().endsWith("/" + service), service + " build context");
            assertTrue(node.path("ports").toString().contains(String.valueOf(port)), service + " publishes " + port);
        });
        services.properties().forEach(e -> {
            String image = e.getValue().path("image").asText();
            assertFalse(image.endsWith(":latest") || (!image.isEmpty() && !image.contains(":")), e.getKey() + " image " + image);
        });
    }

    /** Where memory-service keeps its recall index: the volume's mount and its setting agree. */
    static final String RECALL_INDEX = "/var/lib/finagent/recall-index";

    @Test
    void memoryServiceKeepsItsRecallIndexWhereItsSettingPoints() {
        assertEquals(RECALL_INDEX, environment(services.get("memory-service")).get("FINAGENT_RECALL_INDEX_DIRECTORY"));
    }

    @Test
    void everyStoreKeepsItsDataInANamedVolume() {
        Map<String, String> mounts = Map.of("postgres", "postgres-data", "redis", "redis-data", "kafka", "kafka-data",
                "questdb", "questdb-data", "prometheus", "prometheus-data", "grafana", "grafana-data",
                "backup-service", "backup-archives", "memory-service", "recall-index:" + RECALL_INDEX);
        mounts.forEach((service, volume) -> {
            assertTrue(compose.path("volumes").has(volume.split(":")[0]), "named volume " + volume);
            assertTrue(services.get(service).path("volumes").toString().contains(volume), service + " mounts " + volume);
        });
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new TreeMap<>();
        service.path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }
}
