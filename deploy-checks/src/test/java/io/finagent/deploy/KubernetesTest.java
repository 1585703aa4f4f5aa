package io.finagent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each overlay of deploy/kubernetes as `kubectl kustomize` renders it. */
class KubernetesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> TOPICS = List.of("decision-made", "outcome-measured", "strategy-changed");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyDeploymentHasProbesResourcesAPinnedImageAndTheEnvironmentItsServiceRequires(String overlay) throws IOException {
        Manifests manifests = Manifests.render(overlay);
        Manifests local = overlay.equals("local") ? manifests : Manifests.render("local");
        for (String service : RequiredSettings.SERVICES) {
            JsonNode container = manifests.workload(service).at("/spec/template/spec/containers/0");
            String where = overlay + " " + service;
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), where + " liveness");
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), where + " readiness");
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertFalse(container.at("/resources/" + kind + "/" + resource).isMissingNode(), where + " " + kind + "." + resource);
                }
            }
            String image = container.get("image").asText();
            assertTrue(image.matches(".+:[^:/]+") && !image.endsWith(":latest"), where + " image " + image);
            Environments.assertCovers("kubernetes " + overlay, service, manifests.environment(container, local));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceIsReachableScaledProtectedAndScraped(String overlay) throws IOException {
        Manifests manifests = Manifests.render(overlay);
        for (String service : RequiredSettings.SERVICES) {
            String where = overlay + " " + service;
            assertNotNull(manifests.find("Service", service), where + " Service");
            assertNotNull(manifests.find("PodDisruptionBudget", service), where + " PodDisruptionBudget");
            JsonNode policy = manifests.find("NetworkPolicy", service);
            assertNotNull(policy, where + " NetworkPolicy");
            assertTrue(policy.at("/spec/policyTypes").toString().contains("Ingress"), where + " NetworkPolicy restricts ingress");
            JsonNode hpa = manifests.find("HorizontalPodAutoscaler", service);
            if (service.equals("backup-service")) {
                // the one writer of the archive directory and the catalogue's jobs: never scaled out
                JsonNode deployment = manifests.one("Deployment", service);
                assertEquals(1, deployment.at("/spec/replicas").asInt(), where + " runs once");
                assertEquals("Recreate", deployment.at("/spec/strategy/type").asText(), where + " never two at a time");
                assertEquals(null, hpa, where + " has no autoscaler");
            } else {
                assertNotNull(hpa, where + " HorizontalPodAutoscaler");
                assertEquals(service, hpa.at("/spec/scaleTargetRef/name").asText(), where + " HPA target");
            }
            boolean monitored = manifests.find("ServiceMonitor", service) != null
                    || manifests.workload(service).at("/spec/template/metadata/annotations/prometheus.io~1scrape").asText().equals("true");
            assertTrue(monitored, where + " is scraped");
        }
        JsonNode backup = manifests.one("Deployment", "backup-service");
        String claim = backup.at("/spec/template/spec/volumes").toString();
        assertTrue(claim.contains("persistentVolumeClaim"), overlay + ": backup-service archives on a PersistentVolumeClaim");
        assertNotNull(manifests.find("PersistentVolumeClaim", null), overlay + ": a PersistentVolumeClaim");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void memoryServiceKeepsItsRecallIndexOnAClaimOfEachReplica(String overlay) throws IOException {
        Manifests manifests = Manifests.render(overlay);
        JsonNode memory = manifests.one("StatefulSet", "memory-service");
        assertEquals("recall-index", memory.at("/spec/volumeClaimTemplates/0/metadata/name").asText(), overlay);
        JsonNode container = memory.at("/spec/template/spec/containers/0");
        assertTrue(container.at("/volumeMounts").toString().contains(ComposeTest.RECALL_INDEX), overlay + " mounts the index");
        Map<String, String> env = manifests.environment(container, Manifests.render("local"));
        assertEquals(ComposeTest.RECALL_INDEX, env.get("FINAGENT_RECALL_INDEX_DIRECTORY"), overlay);
        assertEquals("StatefulSet", manifests.one("HorizontalPodAutoscaler", "memory-service").at("/spec/scaleTargetRef/kind").asText());
        if (overlay.equals("production")) {
            assertEquals(2, memory.at("/spec/replicas").asInt(), "two replicas, each with its index");
            assertEquals("true", env.get("FINAGENT_RECALL_INDEX_GATE_READINESS"), "a replica still catching up leaves the traffic to the other");
        }
    }

    @Test
    void productionRunsOnAStrimziKafkaWithEveryTopicAndItsDeadLettersAndACloudNativePgCluster() throws IOException {
        Manifests production = Manifests.render("production");
        assertNotNull(production.find("Kafka", null), "a Strimzi Kafka");
        Set<String> topics = new TreeSet<>();
        production.all("KafkaTopic").forEach(t -> topics.add(t.at("/spec/topicName").asText(t.at("/metadata/name").asText())));
        for (String topic : TOPICS) {
            assertTrue(topics.contains(topic) && topics.contains(topic + ".dlq"), topic + " and its DLQ among " + topics);
        }
        assertNotNull(production.find("Cluster", null), "a CloudNativePG Cluster");
        assertTrue(production.find("Cluster", null).get("apiVersion").asText().startsWith("postgresql.cnpg.io/"));
    }

    /**
     * No service runs as a superuser: in production each is a CloudNativePG managed role without
     * superuser, CREATEDB, CREATEROLE or replication rights, owning a Database of its own, and the
     * service's credentials are that role's Secret; locally the store's init makes the same roles.
     */
    @Test
    void everyServiceConnectsAsItsOwnRoleOwningOnlyItsDatabase() throws IOException {
        Manifests production = Manifests.render("production");
        JsonNode cluster = production.one("Cluster", "finagent-postgres");
        assertFalse(cluster.at("/spec/enableSuperuserAccess").asBoolean(true), "no superuser Secret");
        for (String service : RequiredSettings.SERVICES) {
            String name = service.replace("-service", "");
            String role = "finagent_" + name;
            JsonNode managed = null;
            for (JsonNode r : cluster.at("/spec/managed/roles")) {
                managed = r.path("name").asText().equals(role) ? r : managed;
            }
            assertNotNull(managed, role + " is a managed role");
            for (String right : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
                assertFalse(managed.path(right).asBoolean(true), role + " " + right);
            }
            assertEquals("finagent-db-" + name, managed.at("/passwordSecret/name").asText());
            JsonNode database = production.one("Database", "finagent-" + name);
            assertEquals(role, database.at("/spec/owner").asText());
            assertEquals(role, database.at("/spec/name").asText());
            JsonNode env = production.workload(service).at("/spec/template/spec/containers/0/env");
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                JsonNode found = null;
                for (JsonNode e : env) {
                    found = e.path("name").asText().equals(variable) ? e : found;
                }
                assertNotNull(found, service + " " + variable);
                assertEquals("finagent-db-" + name, found.at("/valueFrom/secretKeyRef/name").asText(), service + " " + variable);
            }
        }
        assertFalse(production.objects().toString().contains("postgres-superuser"), "nothing reads a superuser Secret");

        JsonNode postgres = Manifests.render("local").one("StatefulSet", "postgres").at("/spec/template/spec");
        assertTrue(postgres.at("/containers/0/volumeMounts").toString().contains("/docker-entrypoint-initdb.d"), "local: the roles' init");
        assertTrue(postgres.at("/volumes").toString().contains("finagent-postgres-provision"), "local: provision.sh");
        for (String service : RequiredSettings.SERVICES) {
            String variable = "FINAGENT_DB_PASSWORD_" + service.replace("-service", "").toUpperCase();
            assertTrue(postgres.at("/containers/0/env").toString().contains(variable), "local: " + variable);
        }
    }

    /** The rendered objects of one overlay. */
    record Manifests(List<JsonNode> objects) {

        static Manifests render(String overlay) throws IOException {
            String out = Repo.run(List.of("kubectl", "kustomize", "deploy/kubernetes/overlays/" + overlay), Map.of());
            List<JsonNode> objects = new ArrayList<>();
            try (YAMLParser parser = new YAMLFactory().createParser(out)) {
                YAML.readValues(parser, JsonNode.class).forEachRemaining(n -> {
                    if (n != null && !n.isEmpty()) {
                        objects.add(n);
                    }
                });
            }
            return new Manifests(objects);
        }

        List<JsonNode> all(String kind) {
            return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        }

        /** The object of that kind and name (any name when null), or null. */
        JsonNode find(String kind, String name) {
            return all(kind).stream().filter(o -> name == null || o.at("/metadata/name").asText().equals(name)).findFirst().orElse(null);
        }

        /** The service's Deployment, or its StatefulSet where it keeps a volume per replica. */
        JsonNode workload(String service) {
            JsonNode deployment = find("Deployment", service);
            return deployment != null ? deployment : one("StatefulSet", service);
        }

        JsonNode one(String kind, String name) {
            JsonNode found = find(kind, name);
            assertNotNull(found, kind + " " + name);
            return found;
        }

        /**
         * A container's environment: its env, then every ConfigMap and Secret it takes whole. A
         * Secret that the overlay leaves to the operator (production) has the keys of the local
         * overlay's Secret of that name, which is the contract the README documents.
         */
        Map<String, String> environment(JsonNode container, Manifests local) {
            Map<String, String> env = new TreeMap<>();
            for (JsonNode from : container.path("envFrom")) {
                if (from.has("configMapRef")) {
                    String name = from.at("/configMapRef/name").asText();
                    JsonNode map = one("ConfigMap", name);
                    map.path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
                } else if (from.has("secretRef")) {
                    String name = from.at("/secretRef/name").asText();
                    JsonNode secret = find("Secret", name) != null ? find("Secret", name) : local.secretNamed(name);
                    assertNotNull(secret, "Secret " + name + " neither rendered nor in the local overlay");
                    secret.path("data").fieldNames().forEachRemaining(k -> env.put(k, Environments.FROM_SECRET));
                }
            }
            for (JsonNode var : container.path("env")) {
                env.put(var.get("name").asText(), var.has("value") ? var.get("value").asText() : Environments.FROM_SECRET);
            }
            return env;
        }

        /** A generated Secret keeps its name as a prefix (kustomize appends a hash). */
        private JsonNode secretNamed(String name) {
            return all("Secret").stream().filter(s -> s.at("/metadata/name").asText().matches(Pattern.quote(name) + "(-[a-z0-9]{10})?"))
                    .findFirst().orElse(null);
        }
    }
}
