package io.finagent.system;

import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.finagent.system.fuzz.FuzzSettings;
import io.finagent.system.fuzz.FuzzedService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The edge, fuzzed: requests generated from each packaged service's own OpenAPI document (so an
 * endpoint added tomorrow is covered), each plausible but for one hostile part (a body field, the
 * body's JSON, a path or query parameter, a header), sent with the token of a user new to the
 * service. No answer may be a 5xx, every error is a problem+json, and the user's rows are the
 * same after an error as before. Each service runs on a database of its own; 2,000 requests a
 * service with a fixed seed in CI, {@code bin/fuzz SEED COUNT} for longer runs.
 */
class EdgeFuzzSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("finagent.repo.root", "..")).toAbsolutePath().normalize();
    private static final Map<String, RunningService> RUNNING = new LinkedHashMap<>();
    private static final Map<String, FuzzedService> FUZZED = new LinkedHashMap<>();

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure.ensureRunning();
        Path backups = ROOT.resolve("system-tests/target/fuzz-backups");
        start("memory-service", Map.of("FINAGENT_WORKING_MEMORY_REDIS_PREFIX", "finagent-fuzz:wm:"));
        start("portfolio-service", Map.of());
        start("strategy-service", Map.of());
        start("cache-service", Map.of("FINAGENT_CACHE_REDIS_PREFIX", "finagent-fuzz:cache:"));
        start("backup-service", Map.of(
                "FINAGENT_BACKUP_DIRECTORY", backups.resolve("archives").toString(),
                "FINAGENT_BACKUP_KEY_FILE", backups.resolve("backup.key").toString(),
                "FINAGENT_BACKUP_SERVICE_TOKEN", Tokens.admin("backup-service"),
                "FINAGENT_BACKUP_SCHEDULE_FULL", "off", "FINAGENT_BACKUP_SCHEDULE_INCREMENTAL", "off",
                "FINAGENT_BACKUP_SCHEDULE_RETENTION", "off"));
        for (var service : RUNNING.entrySet()) {
            service.getValue().awaitReady(Duration.ofSeconds(180));
            FUZZED.put(service.getKey(), new FuzzedService(service.getKey(), service.getValue().url(), database(service.getKey()),
                    "fuzz-" + UUID.randomUUID(), service.getKey().equals("cache-service")));
        }
    }

    private static void start(String service, Map<String, String> own) throws Exception {
        TestInfrastructure.freshDatabase(service, database(service)); // a database of its own: the user's rows are counted in it
        Map<String, String> env = RunningService.environment(ROOT, database(service), service + "-fuzz");
        env.putAll(own);
        RUNNING.put(service, RunningService.start(ROOT, service, service + "-fuzz", env));
    }

    private static String database(String service) {
        return "finagent_" + service.replace("-service", "") + "_fuzz";
    }

    @AfterAll
    static void stopServices() throws InterruptedException {
        for (RunningService service : RUNNING.values()) {
            service.close();
        }
    }

    @Test
    void memoryService() throws Exception {
        fuzz("memory-service");
    }

    @Test
    void portfolioService() throws Exception {
        fuzz("portfolio-service");
    }

    @Test
    void strategyService() throws Exception {
        fuzz("strategy-service");
    }

    @Test
    void cacheService() throws Exception {
        fuzz("cache-service");
    }

    @Test
    void backupService() throws Exception {
        fuzz("backup-service");
    }

    /** Every request is sent and every failure kept, so that the report shows them all, with the request that caused each. */
    private static void fuzz(String service) throws Exception {
        System.out.printf("fuzz %s: seed %d, %d requests%n", service, FuzzSettings.seed(), FuzzSettings.count());
        FuzzedService fuzzed = FUZZED.get(service);
        fuzzed.fuzz(FuzzSettings.seed(), FuzzSettings.count());
        System.out.println(fuzzed.report());
        assertEquals(List.of(), fuzzed.failures(), fuzzed.report());
    }
}
