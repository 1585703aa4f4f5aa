package io.finagent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provisioned dashboards: valid JSON that Grafana loads, every panel querying the provisioned Prometheus. */
class GrafanaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theProvisionedDatasourceIsThePrometheusTheDashboardsQuery() throws IOException {
        JsonNode datasources = new ObjectMapper(new YAMLFactory())
                .readTree(Repo.path("deploy/grafana/provisioning/datasources/prometheus.yml").toFile());
        JsonNode prometheus = datasources.get("datasources").get(0);
        assertEquals("prometheus", prometheus.get("type").asText());
        assertEquals("prometheus", prometheus.get("uid").asText());
        assertEquals("http://prometheus:9090", prometheus.get("url").asText());
    }

    @Test
    void everyDashboardHasUniquePanelsEachQueryingPrometheus() throws IOException {
        List<Path> dashboards = dashboards();
        assertFalse(dashboards.isEmpty(), "no dashboard in deploy/grafana/dashboards");
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertTrue(uids.add(dashboard.get("uid").asText()), file + ": uid used twice");
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : panels(dashboard)) {
                String where = file.getFileName() + " panel " + panel.path("title").asText();
                assertTrue(ids.add(panel.get("id").asInt()), where + ": id used twice");
                assertTrue(panel.has("gridPos"), where + ": no gridPos");
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                assertEquals("prometheus", panel.at("/datasource/uid").asText(), where + ": datasource");
                assertFalse(panel.path("targets").isEmpty(), where + ": no query");
                panel.get("targets").forEach(t -> assertFalse(t.path("expr").asText().isBlank(), where + ": empty expr"));
            }
        }
    }

    static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(Repo.path("deploy/grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Panels, those inside collapsed rows included. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }
}
