package io.finagent.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Quarkus test resource: points the service under test at the run's real broker. */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureRunning();
        return Map.of("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrap());
    }

    @Override
    public void stop() {
        // shared for the whole run; TestInfrastructure stops what it started when the JVM ends
    }
}
