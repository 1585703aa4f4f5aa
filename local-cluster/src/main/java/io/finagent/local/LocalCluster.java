package io.finagent.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The command behind bin/start, bin/stop, bin/test and the token lines of the docs:
 * {@code deploy/local/cluster <command>} builds this module when needed and runs it.
 */
public final class LocalCluster {

    private static final String USAGE = """
            usage: deploy/local/cluster <command>
              start                       the stores, Kafka, QuestDB and the five services (bin/start)
              stop                        what start started (bin/stop)
              status                      the services' health; fails unless all five are ready
              url <service>               a service's local URL (memory, portfolio, … or memory-service, …)
              token [--key <pem>] <subject> <role>...
                                          a token of the local cluster (or signed with that PKCS#8 key), valid 30 days
              public-key                  the path of the key the local cluster's services verify tokens with
              test-servers start|stop     a test run's Kafka, QuestDB and Redis (bin/test, around Maven)
            """;

    private LocalCluster() {
    }

    public static void main(String[] args) {
        try {
            run(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            Console.warn(e.getMessage());
            Console.warn(USAGE);
            System.exit(2);
        } catch (RuntimeException e) {
            Console.warn("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(List<String> args) {
        String command = args.isEmpty() ? "" : args.get(0);
        switch (command) {
            case "start" -> new Cluster().start();
            case "stop" -> new Cluster().stop();
            case "status" -> {
                if (!new Cluster().status()) {
                    System.exit(1);
                }
            }
            case "url" -> System.out.println(Service.named(args.size() > 1 ? args.get(1) : "").url());
            case "token" -> {
                boolean ownKey = args.size() > 2 && "--key".equals(args.get(1));
                List<String> claims = args.subList(ownKey ? 3 : 1, args.size());
                if (claims.size() < 2) {
                    throw new IllegalArgumentException("token needs a subject and at least one role");
                }
                LocalTokens tokens = new LocalTokens(Layout.local());
                List<String> roles = claims.subList(1, claims.size());
                System.out.println(ownKey ? tokens.mint(Path.of(args.get(2)), claims.get(0), roles) : tokens.mint(claims.get(0), roles));
            }
            case "public-key" -> System.out.println(new LocalTokens(Layout.local()).publicKey());
            case "test-servers" -> {
                String action = args.size() > 1 ? args.get(1) : "";
                switch (action) {
                    case "start" -> new TestServers().startForRun();
                    case "stop" -> new TestServers().stopForRun();
                    default -> throw new IllegalArgumentException("test-servers: expected start or stop, got '" + action + "'");
                }
            }
            default -> throw new IllegalArgumentException("unknown command '" + command + "'");
        }
    }
}
