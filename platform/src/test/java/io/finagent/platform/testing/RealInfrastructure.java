package io.finagent.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Quarkus test resource: points the service under test at the run's real broker, QuestDB and Redis. */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureRunning();
        Map<String, String> env = TestInfrastructure.env();
        return Map.of("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrap(),
                "finagent.questdb.http-url", "http://127.0.0.1:" + env.get("QUESTDB_HTTP_PORT"),
                "finagent.questdb.pg-port", env.get("QUESTDB_PG_PORT"),
                "finagent.redis.url", "redis://127.0.0.1:" + TestInfrastructure.redisPort());
    }

    @Override
    public void stop() {
        // shared for the whole run; TestInfrastructure stops what it started when the JVM ends
    }
}
