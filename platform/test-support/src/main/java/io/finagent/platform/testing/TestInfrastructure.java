package io.finagent.platform.testing;

import io.finagent.local.Layout;
import io.finagent.local.MachineStores;
import io.finagent.local.Ports;
import io.finagent.local.TestServers;

/**
 * The real Kafka broker, QuestDB and Redis of a test run, as the tests see them: {@code bin/test}
 * starts one of each before Maven; a module run alone gets them here, once per JVM. Both are the
 * local-cluster module's {@link TestServers}, on {@link Ports#TEST}.
 */
public final class TestInfrastructure {

    private static final TestServers SERVERS = new TestServers();

    private TestInfrastructure() {
    }

    public static void ensureRunning() {
        TestServers.ensureRunning();
    }

    /**
     * A new, empty database owned by the service's own role, dropped first if it exists: what a
     * service under test ({@code memory-service}, …) starts against. {@code port} is the PostgreSQL
     * server's (a test's own cluster, or 5432).
     */
    public static void freshDatabase(int port, String service, String database) {
        new MachineStores(Layout.test()).provision(port, "--fresh", service.replace("-service", "") + ":" + database);
    }

    public static void freshDatabase(String service, String database) {
        freshDatabase(Ports.POSTGRES, service, database);
    }

    public static Ports ports() {
        return Ports.TEST;
    }

    public static String kafkaBootstrap() {
        return Ports.TEST.kafkaBootstrap();
    }

    public static int redisPort() {
        return Ports.TEST.redis();
    }

    /** Stops the run's own Redis (used to prove the cache's fallback); start it again after. */
    public static void stopRedis() {
        SERVERS.redis().stop();
    }

    public static void startRedis() {
        SERVERS.redis().start();
    }

    /** Stops the shared broker (used to prove the outbox survives an outage); start it again after. */
    public static void stopKafka() {
        SERVERS.kafka().stop();
    }

    public static void startKafka() {
        SERVERS.kafka().start();
    }

    /** Stops the shared QuestDB (used to prove the time series survives an outage); start it again after. */
    public static void stopQuestDb() {
        SERVERS.questDb().stop();
        if (SERVERS.questDb().answers()) {
            // started by someone else (a developer's own run): this run cannot take it down, so an outage test would prove nothing
            throw new IllegalStateException("QuestDB on port " + Ports.TEST.questDbHttp() + " was not started by this run and still answers");
        }
    }

    public static void startQuestDb() {
        SERVERS.questDb().start();
    }
}
