package io.finagent.platform.testing;

import io.finagent.local.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Quarkus test resource: points the service under test at the run's real broker, QuestDB and Redis. */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureRunning();
        Ports ports = TestInfrastructure.ports();
        return Map.of("kafka.bootstrap.servers", ports.kafkaBootstrap(),
                "finagent.questdb.http-url", ports.questDbHttpUrl(),
                "finagent.questdb.pg-port", Integer.toString(ports.questDbPg()),
                "finagent.redis.url", ports.redisUrl());
    }

    @Override
    public void stop() {
        // shared for the whole run; TestServers stops what it started when the JVM ends
    }
}
