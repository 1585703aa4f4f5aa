package io.finagent.bench;

import io.finagent.local.ServiceProcess;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * bin/bench backup: backup-service against pg_dump and pg_restore of memory-service's data (seeded with
 * {@code decisions}), with portfolio-service's series in QuestDB backed up too. No schedules: the bench
 * decides when backups run.
 */
final class BackupBenchRun {

    private static final String DATABASE = "finagent_backup_bench";
    private static final String PORTFOLIO_DATABASE = "finagent_portfolio_bench";

    static void run(int decisions, int runs) throws Exception {
        BenchCluster cluster = new BenchCluster();
        cluster.prepare(true, true, "memory-service", "portfolio-service", "backup-service", "bench");
        cluster.freshDatabase("backup", DATABASE);
        cluster.freshDatabase("portfolio", PORTFOLIO_DATABASE);
        MemoryBenchRun memoryBench = new MemoryBenchRun(cluster);
        memoryBench.seed(decisions);
        Process vacuum = new ProcessBuilder("psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", MemoryBenchRun.DATABASE, "-c", "VACUUM ANALYZE")
                .inheritIO().start();
        if (vacuum.waitFor() != 0) {
            throw new IllegalStateException("VACUUM ANALYZE failed");
        }
        System.out.println("starting memory-service (it rebuilds its recall index first), portfolio-service and backup-service…");
        ServiceProcess memory = memoryBench.start("a");
        ServiceProcess portfolio = null;
        ServiceProcess backup = null;
        try {
            memoryBench.awaitIndex(memory);
            Map<String, String> portfolioEnv = cluster.environment(PORTFOLIO_DATABASE);
            portfolioEnv.put("FINAGENT_CONSUMER_GROUP", "portfolio-bench");
            portfolio = cluster.service("portfolio-service", "portfolio-service", 18082)
                    .launch(cluster.layout.root(), "portfolio-service", portfolioEnv, List.of("-Xmx1g"));
            portfolio.awaitReady(Duration.ofSeconds(120));
            Map<String, String> backupEnv = cluster.environment(DATABASE);
            backupEnv.put("FINAGENT_CONSUMER_GROUP", "backup-bench");
            String archives = cluster.dir.resolve("archives").toString();
            Directories.delete(cluster.dir.resolve("archives"));
            backup = cluster.service("backup-service", "backup-service", 18085).launch(cluster.layout.root(), "backup-service", backupEnv,
                    List.of("-Xmx1g", "-Dfinagent.backup.include=memory-service,portfolio-service",
                            "-Dfinagent.backup.services.memory-service=" + memory.url(),
                            "-Dfinagent.backup.services.portfolio-service=" + portfolio.url(),
                            "-Dfinagent.backup.directory=" + archives,
                            "-Dfinagent.security.encryption-key-file=" + cluster.dir.resolve("backup.key"),
                            "-Dfinagent.backup.schedule.full=off", "-Dfinagent.backup.schedule.incremental=off",
                            "-Dfinagent.backup.schedule.retention=off", "-Dfinagent.backup.schedule.archive=off"));
            backup.awaitReady(Duration.ofSeconds(120));
            BackupBench.main(new String[] {backup.url(), memory.url(), portfolio.url(), cluster.layout.ports().questDbHttpUrl(),
                    cluster.token("bench-admin", "admin"), cluster.token("bench", "agent"), MemoryBenchRun.DATABASE, PORTFOLIO_DATABASE,
                    cluster.dir.resolve("dumps").toString(), Integer.toString(runs)});
            System.out.println(BenchCluster.machine() + ", " + new String(new ProcessBuilder("pg_dump", "--version").start()
                    .getInputStream().readAllBytes()).strip());
        } finally {
            if (backup != null) {
                backup.stop();
            }
            if (portfolio != null) {
                portfolio.stop();
            }
            memory.stop();
        }
    }
}
