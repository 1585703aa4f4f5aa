package io.finagent.system;

import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged strategy-service started as an operator would: each configuration source overrides
 * the one below it (a real -D, a real environment variable, ~/.finagent/config.yaml, ./config.yaml,
 * the defaults), a ${ENV} reference in a file resolves, finagent.logging writes a log file, and a
 * bad value stops the start with its key, its value and the reason.
 */
class ConfigurationSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("finagent.repo.root", "..")).toAbsolutePath().normalize();
    private static final String DATABASE = "finagent_strategy_config_system";

    @BeforeAll
    static void database() {
        TestInfrastructure.ensureRunning();
        TestInfrastructure.freshDatabase("strategy-service", DATABASE);
    }

    @Test
    void eachSourceOverridesTheOneBelowIt(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/.finagent")).getParent();
        Files.writeString(home.resolve(".finagent/config.yaml"), """
                finagent:
                  ai:
                    model: from-home-file
                    base-url: http://home-file.example
                  openbb:
                    base-url: http://home-file.example
                """);
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("config.yaml"), """
                finagent:
                  ai:
                    model: from-working-directory-file
                    base-url: http://working-directory-file.example
                    provider: ${FINAGENT_TEST_PROVIDER}
                    api-key: ${FINAGENT_TEST_AI_KEY}
                  openbb:
                    base-url: http://working-directory-file.example
                    timeout: 7s
                """);
        Path logFile = dir.resolve("logs/strategy.log");
        Map<String, String> env = RunningService.environment(ROOT, DATABASE, "strategy-config-system");
        env.put("FINAGENT_AI_MODEL", "from-environment");
        env.put("FINAGENT_AI_BASE_URL", "http://environment.example");
        env.put("FINAGENT_TEST_PROVIDER", "ollama");
        env.put("FINAGENT_TEST_AI_KEY", "sk-test-never-shown");
        env.put("FINAGENT_LOGGING_FILE_ENABLED", "true");
        env.put("FINAGENT_LOGGING_FILE_PATH", logFile.toString());
        try (RunningService strategy = RunningService.start(ROOT, "strategy-service", "strategy-config-system", env,
                List.of("-Dfinagent.ai.model=from-system-property", "-Duser.home=" + home), work)) {
            strategy.awaitReady(Duration.ofSeconds(120));
            JsonNode settings = configuration(strategy);
            assertSetting(settings, "finagent.ai.model", "from-system-property", 400);
            assertSetting(settings, "finagent.ai.base-url", "http://environment.example", 300);
            assertSetting(settings, "finagent.openbb.base-url", "http://home-file.example", 270);
            assertSetting(settings, "finagent.openbb.timeout", "7s", 260);
            assertSetting(settings, "finagent.ai.provider", "ollama", 260); // ${FINAGENT_TEST_PROVIDER}, resolved
            assertSetting(settings, "finagent.ai.api-key", "***", 260);
            assertTrue(!settings.toString().contains("sk-test-never-shown"), "a secret is never shown: " + settings);
            assertTrue(Files.readString(logFile).contains("strategy-service"), "finagent.logging.file wrote " + logFile);
        }
    }

    @Test
    void aBadValueStopsTheStartWithItsKeyItsValueAndTheReason() throws Exception {
        assertRefused("-Dfinagent.ai.temperature=3.5", "finagent.ai.temperature", "3.5", "must be at most 2");
        assertRefused("-Dfinagent.performance.request-timeout=soon", "finagent.performance.request-timeout", "soon", "Invalid duration");
        assertRefused("-Dmp.messaging.incoming.decision-made.pausable=false", "mp.messaging.incoming.decision-made.pausable", "false",
                "a stop could not finish their events before the pools close");
    }

    private static void assertRefused(String option, String key, String value, String reason) throws Exception {
        Map<String, String> env = RunningService.environment(ROOT, DATABASE, "strategy-config-refused");
        String replica = "strategy-config-refused-" + key.substring(key.lastIndexOf('.') + 1);
        try (RunningService strategy = RunningService.start(ROOT, "strategy-service", replica, env, List.of(option), null)) {
            Integer exit = strategy.awaitExit(Duration.ofSeconds(60));
            assertNotNull(exit, option + ": the service still runs");
            assertNotEquals(0, exit);
            String log = strategy.log();
            String line = log.lines().filter(l -> l.contains(key)).findFirst().orElse("");
            assertTrue(line.contains(value) && log.contains(reason), option + " refused with: " + log);
        }
    }

    private static JsonNode configuration(RunningService service) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/admin/configuration"))
                .header("Authorization", Tokens.bearer(Tokens.admin("ops"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    private static void assertSetting(JsonNode settings, String key, String value, int ordinal) {
        JsonNode setting = settings.path(key);
        assertEquals(value, setting.path("value").asText(null), key + ": " + setting);
        assertEquals(ordinal, setting.path("ordinal").asInt(), key + "'s source: " + setting);
    }
}
