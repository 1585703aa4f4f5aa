package io.finagent.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bin/start's cluster: the machine's PostgreSQL and Redis, a Kafka and a QuestDB in {@code .run/}, and
 * the five services, built first when needed. Safe to run again: whatever answers is left alone.
 */
final class Cluster {

    private final Layout layout = Layout.local();
    private final MachineStores stores = new MachineStores(layout);
    private final Kafka kafka = new Kafka(layout);
    private final QuestDb questDb = new QuestDb(layout);
    private final LocalTokens tokens = new LocalTokens(layout);

    void start() {
        long start = System.nanoTime();
        stores.start();
        kafka.start();
        questDb.start();
        List<Service> launch = new ArrayList<>();
        List<Service> waitFor = new ArrayList<>();
        for (Service service : Service.ALL) {
            if (Readiness.answers(service.port())) {
                Console.say(service.name() + ": already running on port " + service.port());
            } else if (process(service).alive()) {
                // an earlier run gave up waiting: launching again would lose the race for the port
                Console.say(service.name() + ": still starting, waiting for it");
                waitFor.add(service);
            } else {
                launch.add(service);
            }
        }
        new Build(layout.root()).ifStale(launch);
        for (Service service : launch) {
            Console.say(service.name() + ": starting on port " + service.port() + " (log .run/" + service.name() + ".log)");
            process(service).launch(layout.root(), service.name(), environment(), List.of());
            waitFor.add(service);
        }
        long launched = System.nanoTime();
        for (Service service : waitFor) {
            process(service).awaitReady(Duration.ofSeconds(120).minusNanos(System.nanoTime() - launched));
            Console.say(service.name() + ": ready after " + Console.seconds((System.nanoTime() - launched) / 1_000_000));
        }
        printTable();
        Console.say("");
        Console.say("Demo token (user demo, role agent, valid 30 days):");
        Console.say("  export TOKEN=" + tokens.mint("demo", List.of("agent")));
        Console.say("Admin token (user admin, role admin, valid 30 days):");
        Console.say("  export ADMIN_TOKEN=" + tokens.mint("admin", List.of("admin")));
        Console.say("");
        Console.say("Try:");
        Console.say("  curl -i -X POST http://localhost:8081/api/v1/decisions -H \"Authorization: Bearer $TOKEN\" -H \"Content-Type: application/json\" "
                + "-d '{\"strategyId\":1,\"symbol\":\"AAPL\",\"decisionType\":\"BUY\",\"confidence\":0.7,\"marketContext\":{\"features\":{\"rsi_14\":61.5}}}'");
        Console.say("");
        Console.say("Up in " + Console.seconds((System.nanoTime() - start) / 1_000_000) + ". Logs in .run/, stop with bin/stop.");
    }

    void stop() {
        Service.ALL.forEach(service -> process(service).stop());
        questDb.stop();
        kafka.stop();
        stores.stop();
    }

    private Map<String, String> environment() {
        Map<String, String> env = Service.environment(layout, layout.state(), tokens);
        // logs for a person to read; a deployment keeps the production profile's JSON lines
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return env;
    }

    private ServiceProcess process(Service service) {
        return ServiceProcess.of(layout.root(), layout.state(), service.name(), service.name(), service.port());
    }

    /** The table; true when all five are ready. */
    boolean status() {
        printTable();
        return Service.ALL.stream().allMatch(service -> Readiness.serviceReady(service.url()));
    }

    private void printTable() {
        String format = "%-18s %-22s %-36s %s%n";
        System.out.println();
        System.out.printf(format, "SERVICE", "URL", "SWAGGER UI", "HEALTH");
        for (Service service : Service.ALL) {
            System.out.printf(format, service.name(), service.url(), service.url() + "/q/swagger-ui", service.health());
        }
        Ports ports = layout.ports();
        System.out.println();
        System.out.printf("Kafka localhost:%d · QuestDB console %s · PostgreSQL 127.0.0.1:%d · Redis 127.0.0.1:%d%n",
                ports.kafka(), ports.questDbHttpUrl(), Ports.POSTGRES, ports.redis());
    }
}
