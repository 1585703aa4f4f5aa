package io.finagent.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine's PostgreSQL and Redis, and each service's role and databases in it. Installing and
 * starting them from Debian packages is what stays in shell ({@code deploy/local/packages.sh}); the
 * roles and databases are {@code deploy/postgres/provision.sh}'s, which the deployments run too.
 */
public final class MachineStores {

    private final Layout layout;

    public MachineStores(Layout layout) {
        this.layout = layout;
    }

    /** PostgreSQL and Redis answer (installed and started when they did not), with the services' roles and databases. */
    public void start() {
        run(Map.of(), "deploy/local/packages.sh", "start");
        provision(Ports.POSTGRES);
    }

    /** Stops only what {@link #start} had to start. */
    public void stop() {
        run(Map.of(), "deploy/local/packages.sh", "stop");
    }

    /** docker-compose, promtool and kubectl, which the deploy checks run. */
    public void deployTools() {
        run(Map.of(), "deploy/local/packages.sh", "deploy-tools");
    }

    /** wrk, the benchmarks' load tool. */
    public void benchTools() {
        run(Map.of(), "deploy/local/packages.sh", "bench-tools");
    }

    /** Each service's role and databases on the PostgreSQL at {@code port}; {@code --fresh service:database} drops and makes one anew. */
    public void provision(int port, String... arguments) {
        Map<String, String> env = new HashMap<>(Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(port), "PGUSER", "postgres"));
        env.putIfAbsent("FINAGENT_DB_SUFFIXES", System.getenv().getOrDefault("FINAGENT_DB_SUFFIXES", "_test"));
        List<String> command = new ArrayList<>(List.of("deploy/postgres/provision.sh"));
        command.addAll(List.of(arguments));
        run(env, command.toArray(String[]::new));
    }

    private void run(Map<String, String> env, String... script) {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(script));
        // apt-get may download for minutes on a new machine
        Commands.run(layout.root(), env, Duration.ofMinutes(15), command);
    }
}
