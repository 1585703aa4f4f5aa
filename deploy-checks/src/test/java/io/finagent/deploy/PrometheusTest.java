package io.finagent.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alert rules and scrape configuration, checked and unit-tested by Prometheus' own promtool. */
class PrometheusTest {

    @Test
    void theRulesAreValid() {
        String out = Repo.run(List.of("promtool", "check", "rules", "deploy/prometheus/rules/finagent.yml"), Map.of());
        assertTrue(out.contains("SUCCESS"), out);
    }

    @Test
    void everyAlertFiresAtItsThresholdAndNotBelowIt() {
        String out = Repo.run(List.of("promtool", "test", "rules", "deploy/prometheus/tests/finagent.test.yml"), Map.of());
        assertTrue(out.contains("SUCCESS"), out);
    }

    @Test
    void theScrapeConfigurationIsValid() {
        String out = Repo.run(List.of("promtool", "check", "config", "--syntax-only", "deploy/prometheus/prometheus.yml"), Map.of());
        assertTrue(out.contains("SUCCESS"), out);
    }
}
