package io.finagent.local;

/**
 * The ports of one cluster's servers, in the one place that names them. The local cluster
 * ({@code bin/start}) and a test run ({@code bin/test}, the tests) use different ports, so a test
 * never touches the data of a cluster a developer is running.
 */
public record Ports(int kafka, int kafkaController, int questDbHttp, int questDbPg, int questDbIlp, int questDbHttpMin, int redis) {

    /** bin/start's cluster; Redis is the machine's own. */
    public static final Ports LOCAL = new Ports(9092, 9093, 9000, 8812, 9009, 9003, 6379);

    /** A test run's: its Redis is its own too, so a test may stop it. */
    public static final Ports TEST = new Ports(19092, 19093, 19000, 18812, 19009, 19003, 16379);

    /** The machine's PostgreSQL, shared by both (each service has its own databases). */
    public static final int POSTGRES = 5432;

    public String kafkaBootstrap() {
        return "localhost:" + kafka;
    }

    public String questDbHttpUrl() {
        return "http://127.0.0.1:" + questDbHttp;
    }

    public String redisUrl() {
        return "redis://127.0.0.1:" + redis;
    }
}
